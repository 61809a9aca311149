/// Every rule, by code. Each rule is one file under Rules/; registering it is this one line.
public enum RuleCatalog {
    public static let all: [Rule] = [
        FG001.rule,
        FG009.rule,
        FG015.rule,
        FG019.rule,
        FG038.rule,
        FG039.rule,
    ]

    public static func rule(_ code: String) -> Rule? {
        all.first { $0.code == code.uppercased() }
    }
}
