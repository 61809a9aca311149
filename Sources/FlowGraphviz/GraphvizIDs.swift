import CGraphviz
import Foundation

/// The object-ID allocator (cgraph's "ID discipline") for every graph `GraphvizRenderer` parses.
///
/// Graphviz's default allocator makes a named object's ID the address of its interned name and
/// numbers anonymous objects with a process-wide counter. Graphviz 2.4x keeps sibling subgraphs in a
/// dictionary ordered by ID, so the order of clusters — and with it the layout — depended on where
/// `malloc` put their names, and anonymous objects (`%3`) were numbered differently by each render
/// in a process. Here IDs come from one counter per graph, in creation order: even IDs for named
/// objects (so `agnameof` prints their name), odd for anonymous ones (printed `%N`). Identical DOT
/// text then gives an identical graph, in any process and after any number of earlier renders.
///
/// Names are kept as the graph's own interned strings, as the default allocator keeps them: cgraph
/// reads the header of the string `agnameof` returns (whether it is HTML-like, when writing DOT).
enum GraphvizIDs {
    /// A new discipline. Graphs keep a pointer to it, so the caller never frees it (the process-wide
    /// renderer makes one).
    static func makeDiscipline() -> UnsafeMutablePointer<Agiddisc_t> {
        let pointer = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        pointer.initialize(to: Agiddisc_t(
            open: { graph, _ in graph.map { Unmanaged.passRetained(Table(graph: $0)).toOpaque() } },
            map: { state, _, name, id, create in
                guard let state, let id else { return 0 }
                return GraphvizIDs.table(state).map(name: name, create: create != 0, to: id) ? 1 : 0
            },
            alloc: { _, _, _ in 0 },  // callers may not choose IDs (as with the default allocator)
            free: { state, _, id in state.map { GraphvizIDs.table($0).release(id) } },
            print: { state, _, id in state.flatMap { GraphvizIDs.table($0).name(of: id) } },
            close: { state in if let state { Unmanaged<Table>.fromOpaque(state).release() } },
            idregister: { _, _, _ in }
        ))
        return pointer
    }

    fileprivate static func table(_ state: UnsafeMutableRawPointer) -> Table {
        Unmanaged<Table>.fromOpaque(state).takeUnretainedValue()
    }

    /// One root graph's names and counter. Only touched by Graphviz calls made under the renderer's lock.
    final class Table {
        /// The root graph, whose string pool holds the names.
        private let graph: UnsafeMutablePointer<Agraph_t>
        private var ids: [CStringKey: IDTYPE] = [:]
        /// The interned name of each named ID, and how many objects use it (each holds one reference
        /// to the interned string, as with the default allocator).
        private var names: [IDTYPE: (name: UnsafeMutablePointer<CChar>, uses: Int)] = [:]
        private var created: IDTYPE = 0

        init(graph: UnsafeMutablePointer<Agraph_t>) { self.graph = graph }

        /// Named objects get the next even ID on creation and keep it while an object uses the name;
        /// anonymous ones the next odd ID. Looking up an unknown name without `create` fails, as cgraph
        /// expects.
        func map(name: UnsafeMutablePointer<CChar>?, create: Bool, to id: UnsafeMutablePointer<IDTYPE>) -> Bool {
            guard let name else {
                created += 1
                id.pointee = 2 * created + 1
                return true
            }
            let key = CStringKey(name)
            if let known = ids[key] {
                if create, let entry = names[known], let interned = cgv_strdup(graph, name) {
                    names[known] = (interned, entry.uses + 1)
                }
                id.pointee = known
                return true
            }
            guard create, let interned = cgv_strdup(graph, name) else { return false }
            created += 1
            let new = 2 * created
            ids[key] = new
            names[new] = (interned, 1)
            id.pointee = new
            return true
        }

        /// An object with this ID was deleted: drop its reference to the name.
        func release(_ id: IDTYPE) {
            guard id % 2 == 0, let entry = names[id] else { return }
            let key = CStringKey(entry.name)
            cgv_strfree(graph, entry.name)
            if entry.uses > 1 {
                names[id] = (entry.name, entry.uses - 1)
            } else {
                names[id] = nil
                ids[key] = nil
            }
        }

        /// The name of a named object; nil for anonymous IDs (cgraph then prints `%<id>`).
        func name(of id: IDTYPE) -> UnsafeMutablePointer<CChar>? {
            id % 2 == 0 ? names[id]?.name : nil
        }
    }
}
