/// How a mapped value reads on screen: quoted, or `null (not sent)`.
public enum MappingValueText {
    public static func show(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "null (not sent)"
    }
}
