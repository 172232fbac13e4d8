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
    func parse(_ data: Data) throws -> DirectoryBatch {
        let text = try UTF8Text.decode(data)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch CSVError.cannotReadHeaderRow {
            throw ImportError.emptyFile
        } catch {
            throw ImportError.malformedCSV(line: 1, reason: "\(error)")
        }
        if let error = reader.error { throw ImportError.malformedCSV(line: 1, reason: "\(error)") }
        guard let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else { throw ImportError.emptyFile }
        let columns = CSVColumns(header: header)
        guard columns.login != nil else { throw ImportError.missingColumn("login") }

        var batch = DirectoryBatch(source: "csv")
        batch.membershipAuthority = columns.groups == nil ? .none : .people
        var line = 1 + Self.lineBreaks(in: header) + 1
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
