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
        FG016.rule,
        FG017.rule,
        FG018.rule,
        FG019.rule,
        FG020.rule,
        FG021.rule,
        FG022.rule,
        FG023.rule,
        FG024.rule,
        FG025.rule,
        FG026.rule,
        FG027.rule,
        FG028.rule,
        FG029.rule,
        FG030.rule,
        FG031.rule,
        FG032.rule,
        FG033.rule,
        FG034.rule,
        FG035.rule,
        FG036.rule,
        FG037.rule,
        FG038.rule,
        FG039.rule,
        FG040.rule,
    ]

    public static func rule(_ code: String) -> Rule? {
        all.first { $0.code == code.uppercased() }
    }
}
