/// Sources whose comments and blank lines the formatter must keep (paired with their canonical form
/// in `TriviaPreservationTests`).
enum TriviaFixtures {
    static let leading = """
        # File header


        # About a
        org a {
          # About kind
          kind trust
        }
        """

    static let trailing = """
        org a { kind trust # the kind \t
          public-authority yes   # yes\t
        } # end of a
        use std # the library
        """

    static let dangling = """
        org a {
          kind trust

          # dangling at block end

        }
        org b {
          # only a comment
        }
        # dangling at file end
        """

    static let blankLines = """
        use std


        include "a.flow"
        include "b.flow"
        org a {

          kind trust


          ods "X"

        }
        """

    static let crlf = "# windows\r\norg a {\r\n  kind trust # t\r\n\r\n  ods \"X\"\r\n}\r\n"

    static let all: [ConstructFixture] = [
        ConstructFixture(name: "leading comments", source: leading),
        ConstructFixture(name: "trailing comments", source: trailing),
        ConstructFixture(name: "dangling comments", source: dangling),
        ConstructFixture(name: "blank lines", source: blankLines),
        ConstructFixture(name: "CRLF line ends", source: crlf),
    ]
}
