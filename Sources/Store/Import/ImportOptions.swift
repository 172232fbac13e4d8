/// How `DirectoryImporter` treats a file.
public struct ImportOptions: Sendable {
    /// The file's format; guessed from the file name when nil.
    public var format: ImportFormat?
    /// Work out and report every change, then roll back.
    public var dryRun: Bool
    /// Import the good rows of a file that has bad ones (the bad ones are still reported).
    public var skipInvalid: Bool

    public init(format: ImportFormat? = nil, dryRun: Bool = false, skipInvalid: Bool = false) {
        self.format = format
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
    }
}
