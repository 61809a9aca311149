/// Every rule, by code. Each rule is one file under Rules/; registering it is this one line.
public enum RuleCatalog {
    public static let all: [Rule] = [
        FG001.rule,
        FG002.rule,
        FG003.rule,
        FG004.rule,
        FG005.rule,
        FG006.rule,
        FG007.rule,
        FG008.rule,
        FG009.rule,
        FG010.rule,
        FG011.rule,
        FG012.rule,
        FG013.rule,
        FG014.rule,
        FG015.rule,
        FG019.rule,
        FG038.rule,
        FG039.rule,
    ]

    public static func rule(_ code: String) -> Rule? {
        all.first { $0.code == code.uppercased() }
    }
}
