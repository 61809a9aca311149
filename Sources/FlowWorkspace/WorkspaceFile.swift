import FlowLanguage
import FlowModel
import FlowRules
import TOMLKit

/// A workspace file that cannot be used: where (file:line:column) and why.
public struct WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let location: WorkspaceLocation
    public let message: String

    public var description: String { "\(location): error: \(message)" }
}

extension WorkspaceManifest {
    /// Reads a workspace file's text. `file` is the path shown in errors and in rule settings.
    ///
    /// ```toml
    /// as-of = 2026-11-23                 # the date committed diagrams are rendered as of
    ///
    /// [models.blmk]
    /// paths = ["flows/blmk"]             # relative to the file's folder
    /// diagrams = "diagrams/blmk"
    ///
    /// [models.blmk.rules]
    /// FG031 = { disabled = true, reason = "retention is recorded in the records schedule" }
    /// FG026 = { severity = "info" }
    ///
    /// [models.blmk.settings]
    /// suppress-below = 10
    /// ```
    public static func parse(_ text: String, file: String) throws(WorkspaceError) -> WorkspaceManifest {
        let lines = KeyLines(text)
        func failure(_ message: String, at path: [String]) -> WorkspaceError {
            let place = lines.position(of: path)
            return WorkspaceError(location: WorkspaceLocation(file: file, line: place.line, column: place.column), message: message)
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let start = error.source.begin
            throw WorkspaceError(location: WorkspaceLocation(file: file, line: start.line, column: start.column), message: "not valid TOML: \(error.description)")
        } catch {
            throw WorkspaceError(location: WorkspaceLocation(file: file, line: 1, column: 1), message: "not valid TOML: \(error)")
        }
        let reader = Reader(fail: failure)
        try reader.onlyKeys(root, ["as-of", "models"], at: [])
        var workspace = WorkspaceManifest(models: [])
        if let asOf = root["as-of"] {
            workspace.asOf = try reader.day(asOf, at: ["as-of"])
        }
        guard let models = root["models"] else {
            throw failure("the workspace lists no models: add a [models.NAME] table with `paths`", at: [])
        }
        let table = try reader.table(models, at: ["models"])
        for name in table.keys.sorted() {
            workspace.models.append(try reader.model(name, table[name]!, lines: lines, file: file))
        }
        if workspace.models.isEmpty { throw failure("the workspace lists no models: add a [models.NAME] table with `paths`", at: ["models"]) }
        try reader.rejectSharedPaths(workspace.models)
        return workspace
    }
}

/// Turns TOML values into workspace values, failing with the offending key's position.
private struct Reader {
    let fail: (String, [String]) -> WorkspaceError

    func onlyKeys(_ table: TOMLTable, _ allowed: [String], at path: [String]) throws(WorkspaceError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let place = path.isEmpty ? "the workspace file" : "`\(path.joined(separator: "."))`"
            throw fail("unknown key `\(key)` in \(place); expected \(allowed.map { "`\($0)`" }.joined(separator: ", "))", path + [key])
        }
    }

    func table(_ value: TOMLValueConvertible, at path: [String]) throws(WorkspaceError) -> TOMLTable {
        guard let table = value.table else { throw fail("`\(path.joined(separator: "."))` must be a table", path) }
        return table
    }

    func string(_ value: TOMLValueConvertible, at path: [String]) throws(WorkspaceError) -> String {
        guard let string = value.string else { throw fail("`\(path.last ?? "")` must be a string", path) }
        return string
    }

    func day(_ value: TOMLValueConvertible, at path: [String]) throws(WorkspaceError) -> Day {
        if let date = value.date, let day = Day(year: date.year, month: date.month, day: date.day) { return day }
        if let text = value.string, let day = Day(iso: text) { return day }
        throw fail("`\(path.last ?? "")` must be a date written YYYY-MM-DD", path)
    }

    func model(_ name: String, _ value: TOMLValueConvertible, lines: KeyLines, file: String) throws(WorkspaceError) -> WorkspaceModel {
        let path = ["models", name]
        let table = try table(value, at: path)
        try onlyKeys(table, ["paths", "diagrams", "rules", "settings"], at: path)
        guard let pathsValue = table["paths"] else { throw fail("model `\(name)` has no `paths` (the folders or files that make it)", path) }
        var paths: [String] = []
        if let single = pathsValue.string {
            paths = [single]
        } else if let array = pathsValue.array {
            for element in array { paths.append(try string(element, at: path + ["paths"])) }
        } else {
            throw fail("`paths` must be a list of folders or files", path + ["paths"])
        }
        if paths.isEmpty { throw fail("model `\(name)` has no `paths` (the folders or files that make it)", path + ["paths"]) }
        paths = try paths.map { (entry: String) throws(WorkspaceError) -> String in try relativePath(entry, at: path + ["paths"]) }
        var model = WorkspaceModel(name: name, paths: paths)
        if let diagrams = table["diagrams"] {
            model.diagrams = try relativePath(try string(diagrams, at: path + ["diagrams"]), at: path + ["diagrams"])
        }
        if let rules = table["rules"] {
            model.rules = try ruleSettings(try self.table(rules, at: path + ["rules"]), at: path + ["rules"], lines: lines, file: file)
        }
        if let settings = table["settings"] {
            model.settings = try modelSettings(try self.table(settings, at: path + ["settings"]), at: path + ["settings"])
        }
        return model
    }

    /// Relative to the workspace file's folder and inside it: a workspace describes its own repository.
    func relativePath(_ text: String, at path: [String]) throws(WorkspaceError) -> String {
        let normalised = PathArithmetic.normalise(text)
        if text.isEmpty || normalised.hasPrefix("/") || normalised == ".." || normalised.hasPrefix("../") {
            throw fail("`\(text)` must be a path inside the workspace, relative to its file", path)
        }
        return normalised
    }

    func ruleSettings(_ table: TOMLTable, at path: [String], lines: KeyLines, file: String) throws(WorkspaceError) -> RuleSettings {
        let known = Set(RuleCatalog.all.map(\.code))
        var settings = RuleSettings()
        for code in table.keys.sorted() {
            let entryPath = path + [code]
            guard known.contains(code) else {
                let hint = code.hasPrefix("FG1") ? " (language errors FG1nn cannot be configured)" : ""
                throw fail("`\(code)` is not a rule code; `flowgate explain --list` lists them\(hint)", entryPath)
            }
            let entry = try self.table(table[code]!, at: entryPath)
            try onlyKeys(entry, ["severity", "disabled", "reason"], at: entryPath)
            let reason = try entry["reason"].map { (value: TOMLValueConvertible) throws(WorkspaceError) -> String in try string(value, at: entryPath + ["reason"]) }
            let disabled: Bool
            if let value = entry["disabled"] {
                guard let flag = value.bool else { throw fail("`disabled` must be true or false", entryPath + ["disabled"]) }
                disabled = flag
            } else {
                disabled = false
            }
            let action: RuleSetting.Action
            if disabled {
                if entry["severity"] != nil { throw fail("`\(code)` is both disabled and given a severity", entryPath) }
                guard let reason, !reason.trimmingWhitespace.isEmpty else {
                    throw fail("disabling `\(code)` needs a `reason` (it is shown with every check)", entryPath)
                }
                action = .disable
            } else if let value = entry["severity"] {
                guard let name = value.string, let severity = Severity(rawValue: name) else {
                    throw fail("`severity` must be \"error\", \"warning\" or \"info\"", entryPath + ["severity"])
                }
                action = .severity(severity)
            } else {
                throw fail("`\(code)` sets nothing: give `severity`, or `disabled = true` with a `reason`", entryPath)
            }
            let place = lines.position(of: entryPath)
            settings.rules[code] = RuleSetting(code: code, action: action, reason: reason, location: WorkspaceLocation(file: file, line: place.line, column: place.column))
        }
        return settings
    }

    /// The `model { }` settings, spelled as in `.flow` files (docs/language.md, `model`).
    func modelSettings(_ table: TOMLTable, at path: [String]) throws(WorkspaceError) -> ModelSettingOverrides {
        try onlyKeys(table, ["type1-on-legal-collections", "suppress-below", "round-to", "commissioner-identifiable-channels", "unknown-ndoo-status"], at: path)
        var overrides = ModelSettingOverrides()
        func count(_ key: String) throws(WorkspaceError) -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.int, (1...1_000).contains(number) else { throw fail("`\(key)` must be a number from 1 to 1000", path + [key]) }
            return number
        }
        if let value = table["type1-on-legal-collections"] {
            guard let flag = value.bool else { throw fail("`type1-on-legal-collections` must be true or false", path + ["type1-on-legal-collections"]) }
            overrides.type1OnLegalCollections = flag
        }
        overrides.suppressBelow = try count("suppress-below")
        overrides.roundTo = try count("round-to")
        if let value = table["commissioner-identifiable-channels"] {
            let key = path + ["commissioner-identifiable-channels"]
            guard let array = value.array else { throw fail("`commissioner-identifiable-channels` must be a list of purpose categories", key) }
            var channels: [PurposeCategory] = []
            for element in array {
                let name = try string(element, at: key)
                guard let category = PurposeCategory(rawValue: name) else {
                    throw fail("`\(name)` is not a purpose category; expected one of \(PurposeCategory.spellings.joined(separator: ", "))", key)
                }
                channels.append(category)
            }
            overrides.commissionerIdentifiableChannels = channels
        }
        if let value = table["unknown-ndoo-status"] {
            switch value.string {
            case "applies": overrides.unknownNDOOStatusApplies = true
            case "exempt": overrides.unknownNDOOStatusApplies = false
            default: throw fail("`unknown-ndoo-status` must be \"applies\" or \"exempt\"", path + ["unknown-ndoo-status"])
            }
        }
        return overrides
    }

    func rejectSharedPaths(_ models: [WorkspaceModel]) throws(WorkspaceError) {
        for (index, model) in models.enumerated() {
            for other in models[(index + 1)...] {
                for path in model.paths {
                    if let clash = other.paths.first(where: { WorkspaceManifest.overlaps(path, $0) }) {
                        throw fail("models `\(model.name)` and `\(other.name)` share files (`\(path)`, `\(clash)`): a file belongs to one model", ["models", other.name, "paths"])
                    }
                }
            }
        }
    }
}

private extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}

/// Where each key of a TOML text is written. TOMLKit gives positions for syntax errors only, so a
/// value that parses but means nothing (an unknown rule, a bad severity) is located by reading the
/// lines: table headers set the current table, `key =` lines add keys under it. Keys inside inline
/// tables are placed at their table's line.
struct KeyLines {
    private var positions: [[String]: (line: Int, column: Int)] = [:]

    init(_ text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            let line = rawLine.dropFirst(indent)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyPath(inner)
                record(table, line: index + 1, column: indent + 1)
            } else if let equals = line.firstIndex(of: "=") {
                record(table + Self.keyPath(line[..<equals]), line: index + 1, column: indent + 1)
            }
        }
    }

    private mutating func record(_ path: [String], line: Int, column: Int) {
        if positions[path] == nil { positions[path] = (line, column) }
    }

    /// `a."b.c" . d` → ["a", "b.c", "d"]
    static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if !character.isWhitespace {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// The key's position, else its nearest enclosing table's, else the file's start.
    func position(of path: [String]) -> (line: Int, column: Int) {
        var path = path
        while !path.isEmpty {
            if let found = positions[path] { return found }
            path.removeLast()
        }
        return (1, 1)
    }
}
