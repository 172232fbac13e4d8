import Foundation

/// Splits an LDIF file (RFC 2849) into records: unfolds continuation lines, skips comments and
/// `version:`, decodes `::` base64 values. `:<` URL values are not fetched (reported instead),
/// and change records other than `changetype: add` are skipped with a warning.
struct LDIFReader {
    struct Output {
        var records: [LDIFRecord] = []
        var issues: [ImportIssue] = []
    }

    /// A logical line: folded lines joined, with the number of its first physical line.
    private struct LogicalLine {
        var number: Int
        var text: String
    }

    func read(_ data: Data) throws -> Output {
        var output = Output()
        var record: LDIFRecord?
        var skipRecord = false

        func finish() {
            if let finished = record, !skipRecord { output.records.append(finished) }
            record = nil
            skipRecord = false
        }

        for line in try Self.logicalLines(data) {
            if line.text.isEmpty {
                finish()
                continue
            }
            if line.text.hasPrefix("#") { continue }
            guard let (name, spelled, bytes) = parseValue(line, issues: &output.issues) else { continue }
            if record == nil {
                if name == "version" { continue }
                guard name == "dn" else {
                    output.issues.append(ImportIssue(line: line.number, reason: "entry does not start with dn:"))
                    record = LDIFRecord(line: line.number, dn: "")
                    skipRecord = true
                    continue
                }
                record = LDIFRecord(line: line.number, dn: String(decoding: bytes, as: UTF8.self))
                continue
            }
            if name == "changetype" {
                let kind = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
                if kind != "add", !skipRecord {
                    output.issues.append(ImportIssue(
                        line: record?.line ?? line.number,
                        reason: "changetype \(kind) is not a directory entry; skipped", severity: .warning))
                    skipRecord = true
                }
                continue
            }
            record?.values.append(LDIFRecord.Value(name: name, spelledName: spelled, bytes: bytes))
        }
        finish()
        return output
    }

    /// `name: text`, `name:: base64` or `name:< url`; nil (with an issue) when malformed.
    private func parseValue(_ line: LogicalLine, issues: inout [ImportIssue]) -> (String, String, Data)? {
        guard let colon = line.text.firstIndex(of: ":") else {
            issues.append(ImportIssue(line: line.number, reason: "no colon in \"\(line.text.prefix(40))\""))
            return nil
        }
        let description = String(line.text[..<colon])
        let spelled = String(description.split(separator: ";", maxSplits: 1).first ?? Substring(description))
        let name = spelled.lowercased()
        var rest = line.text[line.text.index(after: colon)...]
        if rest.hasPrefix(":") {
            rest = rest.dropFirst()
            let encoded = rest.trimmingCharacters(in: .whitespaces)
            guard let bytes = Data(base64Encoded: encoded) else {
                issues.append(ImportIssue(line: line.number, reason: "\(spelled):: value is not valid base64"))
                return nil
            }
            return (name, spelled, bytes)
        }
        if rest.hasPrefix("<") {
            issues.append(ImportIssue(line: line.number, reason: "\(spelled):< URL values are not read; left out", severity: .warning))
            return nil
        }
        let value = rest.drop(while: { $0 == " " })
        return (name, spelled, Data(value.utf8))
    }

    /// The file's lines with folding undone (a line starting with one space continues the one before).
    private static func logicalLines(_ data: Data) throws -> [LogicalLine] {
        var lines: [LogicalLine] = []
        var number = 0
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var slice = rawLine
            if slice.last == 0x0D { slice = slice.dropLast() }
            guard let text = String(validating: slice, as: UTF8.self) else { throw ImportError.notUTF8(line: number) }
            if text.hasPrefix(" "), let last = lines.indices.last, !lines[last].text.isEmpty {
                lines[last].text += text.dropFirst()
            } else {
                lines.append(LogicalLine(number: number, text: text))
            }
        }
        return lines
    }
}
