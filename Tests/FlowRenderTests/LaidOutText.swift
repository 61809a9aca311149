import FlowGraphviz
import Foundation

/// Where Graphviz put every piece of text and every edge of a laid-out graph, read from its JSON
/// output (`GraphvizFormat.json`): each text operation carries its position, alignment, font size
/// and the width Graphviz measured for it — the layout's own numbers, not an estimate.
struct LaidOutText {
    struct Box {
        var minX, minY, maxX, maxY: Double
        /// The id of the graph, cluster, node or edge the text belongs to.
        var owner: String
        var text: String

        func overlaps(_ other: Box, by margin: Double) -> Bool {
            minX < other.maxX - margin && other.minX < maxX - margin && minY < other.maxY - margin && other.minY < maxY - margin
        }

        func contains(_ point: (x: Double, y: Double), inset: Double) -> Bool {
            point.x > minX + inset && point.x < maxX - inset && point.y > minY + inset && point.y < maxY - inset
        }
    }

    var boxes: [Box] = []
    /// Points along each edge's spline, by edge id.
    var edges: [(id: String, points: [(x: Double, y: Double)])] = []

    init(dot: String) throws {
        let bytes = try GraphvizRenderer.shared.render(dot: dot, format: .json)
        guard let graph = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw FixtureError(description: "Graphviz JSON is not an object")
        }
        boxes += Self.texts(graph, owner: "graph")
        for object in graph["objects"] as? [[String: Any]] ?? [] {
            boxes += Self.texts(object, owner: object["id"] as? String ?? object["name"] as? String ?? "?")
        }
        for edge in graph["edges"] as? [[String: Any]] ?? [] {
            let id = edge["id"] as? String ?? "edge \(edge["_gvid"] ?? "?")"
            boxes += Self.texts(edge, owner: id)
            edges.append((id, Self.splinePoints(edge)))
        }
    }

    /// Text boxes of different owners that overlap by more than half a point, and edges that run
    /// through another element's text: what a reader could not read.
    var problems: [String] {
        var found: [String] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].owner != boxes[j].owner && boxes[i].overlaps(boxes[j], by: 0.5) {
                found.append("“\(boxes[i].text)” (\(boxes[i].owner)) overlaps “\(boxes[j].text)” (\(boxes[j].owner))")
            }
        }
        for edge in edges {
            for box in boxes where box.owner != edge.id && edge.points.contains(where: { box.contains($0, inset: 1) }) {
                found.append("edge \(edge.id) runs through “\(box.text)” (\(box.owner))")
            }
        }
        return found
    }

    /// The text operations of one object's drawing lists. A box spans the text's measured width and
    /// from 0.2 em below the baseline (descenders) to 0.75 em above it (capitals).
    static func texts(_ object: [String: Any], owner: String) -> [Box] {
        var result: [Box] = []
        for key in ["_ldraw_", "_hldraw_", "_tldraw_", "_draw_"] {
            var size = 14.0
            for operation in object[key] as? [[String: Any]] ?? [] {
                switch operation["op"] as? String {
                case "F":
                    size = (operation["size"] as? Double) ?? size
                case "T":
                    guard let point = operation["pt"] as? [Double], point.count == 2,
                          let width = operation["width"] as? Double,
                          let text = operation["text"] as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty
                    else { continue }
                    let minX = switch operation["align"] as? String {
                    case "c": point[0] - width / 2
                    case "r": point[0] - width
                    default: point[0]
                    }
                    result.append(Box(minX: minX, minY: point[1] - 0.2 * size, maxX: minX + width, maxY: point[1] + 0.75 * size, owner: owner, text: text))
                default:
                    continue
                }
            }
        }
        return result
    }

    /// Twenty points per cubic Bézier segment of the edge's spline(s).
    static func splinePoints(_ edge: [String: Any]) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        for operation in edge["_draw_"] as? [[String: Any]] ?? [] where ["b", "B"].contains(operation["op"] as? String) {
            let controls = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }
            var index = 0
            while index + 3 < controls.count {
                let (p0, p1, p2, p3) = (controls[index], controls[index + 1], controls[index + 2], controls[index + 3])
                for step in 0...20 {
                    let t = Double(step) / 20, u = 1 - t
                    func mix(_ axis: Int) -> Double {
                        u * u * u * p0[axis] + 3 * u * u * t * p1[axis] + 3 * u * t * t * p2[axis] + t * t * t * p3[axis]
                    }
                    points.append((mix(0), mix(1)))
                }
                index += 3
            }
        }
        return points
    }
}
