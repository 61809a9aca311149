import FlowReports
import Testing

/// `report dpia --template`: an organisation's own layout, filled from the documented data model.
struct TemplateTests {
    static let template = """
        {{% CONTENT_TYPE: TEXT}}
        # {{title}}
        {{#controllers}}Controller: {{name}}{{#dpo}} (DPO {{dpo}}){{/dpo}}
        {{/controllers}}
        {{#sections}}
        ## {{title}}
        {{/sections}}
        {{#risks}}
        {{number}} {{code}} {{likelihood}}/{{severity}}{{^severity}}{{toComplete}}{{/severity}} = {{overall}}
        {{/risks}}
        {{#codes}}
        {{code}}: {{legalSource}}
        {{/codes}}
        {{^dpias}}No DPIA: {{toComplete}}{{/dpias}}
        """

    @Test func smallTemplateIsFilledFromTheModel() throws {
        let context = try Repository.context("flows/nottingham", modelName: "nottingham")
        let scope = try #require(DPIAScope(context, purpose: nil))
        let text = try DPIATemplate.render(Self.template, context: context, scope: scope)
        #expect(text.hasPrefix("# DPIA annex: the processing by NHS Nottingham & Nottinghamshire Integrated Care Board\n"))
        #expect(text.contains("Controller: NHS Nottingham & Nottinghamshire Integrated Care Board\n"), "names, not ids, and no HTML escaping")
        for heading in Repository.annexSections { #expect(text.contains("## " + heading + "\n")) }
        let data = DPIATemplate.data(context, scope: scope)
        let risks = try #require(data["risks"] as? [[String: Any]])
        #expect(!risks.isEmpty)
        // Every risk is a line, in the annex's order, with its rating.
        for risk in risks {
            let number = try #require(risk["number"] as? String)
            let code = try #require(risk["code"] as? String)
            #expect(text.contains("\n\(number) \(code) "))
        }
        #expect(text.contains("FG008: UK GDPR Art 6(3); accountability, Art 5(2)"))
        #expect(text.contains("No DPIA: To complete"))
    }

    @Test func malformedTemplateIsAnError() throws {
        let context = try Repository.context("flows/nottingham", modelName: "nottingham")
        let scope = try #require(DPIAScope(context, purpose: nil))
        #expect(throws: (any Error).self) { try DPIATemplate.render("{{#risks}} unclosed", context: context, scope: scope) }
    }
}
