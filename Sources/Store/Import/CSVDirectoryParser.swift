import CSV
import Foundation

/// Reads a directory CSV: a header row naming the columns, then one person per row.
///
/// Columns: login (or userName), firstName, lastName, email, status, groups (`;`-separated),
/// externalId; any other column is kept as an attribute. UTF-8 with or without BOM; quoted
/// fields may hold commas, quotes and line breaks. Parsing is CSV.swift's.
struct CSVDirectoryParser {
    /// Parses the file's text. The file is read whole and decoded first: CSV.swift's stream reader
    /// reports a read error at the end of every file on Linux, and a decoding error gives no line.
    ///
    /// The text is cut in two at a row boundary and each half read by its own CSVReader on its own
    /// core; the halves' people and issues are joined in file order, lines counted from the file's start.
    func parse(_ data: Data) throws -> DirectoryBatch {
        let pieces = Self.pieces(of: try UTF8Text.decode(data))
        let reader: CSVReader
        do {
            reader = try CSVReader(string: pieces[0].text, hasHeaderRow: true)
        } catch CSVError.cannotReadHeaderRow {
            throw ImportError.emptyFile
        } catch {
            throw ImportError.malformedCSV(line: 1, reason: "\(error)")
        }
        if let error = reader.error { throw ImportError.malformedCSV(line: 1, reason: "\(error)") }
        guard let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else { throw ImportError.emptyFile }
        let columns = CSVColumns(header: header)
        guard columns.login != nil else { throw ImportError.missingColumn("login") }

        let results = ConcurrentSlots<Result<DirectoryBatch, any Error>>(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            results[index] = Result {
                // Each worker has its own reader (the first reads the header again: CSVReader is not Sendable).
                let pieceReader = try CSVReader(string: pieces[index].text, hasHeaderRow: index == 0)
                let firstLine = index == 0 ? 1 + Self.lineBreaks(in: header) + 1 : pieces[index].firstLine
                return try Self.rows(pieceReader, header: header, columns: columns, firstLine: firstLine)
            }
        }
        var batch = DirectoryBatch(source: "csv")
        batch.membershipAuthority = columns.groups == nil ? .none : .people
        for index in pieces.indices {
            guard let result = results[index] else { throw ImportError.malformedCSV(line: pieces[index].firstLine, reason: "not read") }
            let piece = try result.get()
            batch.people += piece.people
            batch.issues += piece.issues
        }
        return batch
    }

    /// The rows `reader` has left, as people and issues; `firstLine` is the line its next row starts on.
    private static func rows(_ reader: CSVReader, header: [String], columns: CSVColumns, firstLine: Int) throws -> DirectoryBatch {
        var batch = DirectoryBatch(source: "csv")
        var line = firstLine
        while let fields = reader.next() {
            let rowLine = line
            if let error = reader.error { throw ImportError.malformedCSV(line: rowLine, reason: "\(error)") }
            line += 1 + Self.lineBreaks(in: fields)
            if fields.count == 1, fields[0].isEmpty { continue }
            guard fields.count == header.count else {
                batch.issues.append(ImportIssue(
                    line: rowLine,
                    reason: "row has \(fields.count) field(s) but the header has \(header.count); check the quoting"))
                continue
            }
            batch.people.append(Self.person(fields, columns: columns, line: rowLine))
        }
        if let error = reader.error { throw ImportError.malformedCSV(line: line, reason: "\(error)") }
        return batch
    }

    /// The text in one or two pieces, each starting at a row, with the line it starts on: two when
    /// a row starts in the second half of the text.
    private static func pieces(of text: String) -> [(text: String, firstLine: Int)] {
        var text = text
        let cut: (offset: Int, line: Int)? = text.withUTF8 { bytes in
            guard let offset = CSVRowBoundary.rowStart(atOrAfter: bytes.count / 2, in: bytes) else { return nil }
            return (offset, 1 + CSVRowBoundary.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[..<offset])))
        }
        guard let cut else { return [(text, 1)] }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: cut.offset)
        return [(String(text[..<index]), 1), (String(text[index...]), cut.line)]
    }

    private static func person(_ fields: [String], columns: CSVColumns, line: Int) -> ImportedPerson {
        func value(_ index: Int?) -> String {
            guard let index else { return "" }
            return fields[index].trimmingSpaces
        }
        var person = ImportedPerson(line: line, login: value(columns.login))
        person.firstName = value(columns.firstName)
        person.lastName = value(columns.lastName)
        person.email = value(columns.email)
        let statusText = value(columns.status)
        person.status = PersonStatus(lenient: statusText)
        person.rawStatus = statusText
        let externalKey = value(columns.externalKey)
        person.externalKey = externalKey.isEmpty ? nil : externalKey
        for (index, name) in columns.attributes where !fields[index].isEmpty {
            person.attributes[name] = fields[index]
        }
        if columns.groups != nil {
            person.groups = groupNames(value(columns.groups))
        }
        return person
    }

    /// The `;`-separated group list. An ASCII list is split on its bytes: splitting Characters
    /// (grapheme by grapheme) was slow, and for ASCII text both give the same names.
    private static func groupNames(_ list: String) -> [String] {
        guard list.utf8.allSatisfy({ $0 < 0x80 }) else {
            return list.split(separator: ";").map(\.trimmingSpaces).filter { !$0.isEmpty }
        }
        return list.utf8.split(separator: UInt8(ascii: ";")).compactMap { bytes in
            let name = Substring(bytes).trimmingSpaces
            return name.isEmpty ? nil : name
        }
    }

    /// Line breaks inside quoted fields, so the next row's line number is right.
    private static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previousWasCR = false
            for byte in field.utf8 {
                if byte == 0x0A {
                    if !previousWasCR { count += 1 }
                    previousWasCR = false
                } else if byte == 0x0D {
                    count += 1
                    previousWasCR = true
                } else {
                    previousWasCR = false
                }
            }
        }
        return count
    }
}
