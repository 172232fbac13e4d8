/// A form's focusable parts as an enum numbered from 0 in Tab order: Tab and Shift-Tab go round it.
extension CaseIterable where Self: RawRepresentable, RawValue == Int, AllCases == [Self] {
    /// The part `step` places away (Tab +1, Shift-Tab -1), round the form.
    func moved(by step: Int) -> Self {
        let all = Self.allCases
        return all[((rawValue + step) % all.count + all.count) % all.count]
    }
}
