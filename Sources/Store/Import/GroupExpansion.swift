/// Works out every group's effective members: its direct people plus, transitively, the people of
/// every group it contains.
///
/// Nested groups are a graph, not a tree: Active Directory lets A contain B while B contains A.
/// The groups are walked as strongly connected components (Tarjan), each visited once, so a cycle
/// never loops; the groups of a cycle contain one another, so each gets the people of all of them,
/// which is what the transitive closure (and AD's own `tokenGroups`) says. Each cycle is returned
/// so the import can name it.
struct GroupExpansion {
    struct Member: Equatable {
        var group: Int64
        var person: Int64
        /// The group names the person itself; false when only a contained group does.
        var direct: Bool
    }

    /// Every membership, sorted by group then person.
    var members: [Member] = []
    /// Each cycle as the groups met going round it, the first repeated at the end (A, B, A).
    var cycles: [[Int64]] = []

    /// `direct` maps a group to its people, sorted and unique; `children` a group to the groups it
    /// contains.
    init(direct: [Int64: [Int64]], children: [Int64: [Int64]]) {
        var ids = Set(direct.keys)
        for (parent, kids) in children {
            ids.insert(parent)
            ids.formUnion(kids)
        }
        let groups = ids.sorted()
        var position: [Int64: Int] = [:]
        position.reserveCapacity(groups.count)
        for (index, group) in groups.enumerated() { position[group] = index }
        // Duplicate edges are dropped: a group listed twice as a member is one nesting.
        let edges: [[Int]] = groups.map { group in
            Array(Set((children[group] ?? []).compactMap { position[$0] })).sorted()
        }

        let components = Self.components(edges)
        var effective = [[Int64]](repeating: [], count: components.list.count)
        // Tarjan emits a component after every component it reaches: theirs are ready when it is done.
        for (number, component) in components.list.enumerated() {
            var people: [Int64] = []
            var reached = Set<Int>()
            for node in component {
                people += direct[groups[node]] ?? []
                for next in edges[node] where components.of[next] != number && reached.insert(components.of[next]).inserted {
                    people += effective[components.of[next]]
                }
            }
            effective[number] = Self.sortedUnique(people, alreadySorted: reached.isEmpty && component.count == 1)
            if component.count > 1 || edges[component[0]].contains(component[0]) {
                cycles.append(Self.cycle(in: Set(component), edges: edges).map { groups[$0] })
            }
        }

        members.reserveCapacity(effective.reduce(0) { $0 + $1.count })
        for (node, group) in groups.enumerated() {
            let own = direct[group] ?? []
            var next = 0
            for person in effective[components.of[node]] {
                while next < own.count, own[next] < person { next += 1 }
                members.append(Member(group: group, person: person, direct: next < own.count && own[next] == person))
            }
        }
        cycles.sort { $0.lexicographicallyPrecedes($1) }
    }

    private static func sortedUnique(_ values: [Int64], alreadySorted: Bool) -> [Int64] {
        if alreadySorted { return values }
        var result: [Int64] = []
        result.reserveCapacity(values.count)
        for value in values.sorted() where result.last != value { result.append(value) }
        return result
    }

    /// Strongly connected components in the order Tarjan's algorithm closes them (a component after
    /// every component it reaches), and the component of each node. Iterative: an LDIF nests groups
    /// as deep as it likes, and recursion would spend the stack.
    private static func components(_ edges: [[Int]]) -> (list: [[Int]], of: [Int]) {
        let count = edges.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var componentOf = [Int](repeating: -1, count: count)
        var list: [[Int]] = []
        var counter = 0

        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let top = work.last {
                if top.next < edges[top.node].count {
                    work[work.count - 1].next += 1
                    let kid = edges[top.node][top.next]
                    if index[kid] < 0 {
                        index[kid] = counter
                        low[kid] = counter
                        counter += 1
                        stack.append(kid)
                        onStack[kid] = true
                        work.append((kid, 0))
                    } else if onStack[kid] {
                        low[top.node] = min(low[top.node], index[kid])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[top.node]) }
                guard low[top.node] == index[top.node] else { continue }
                var component: [Int] = []
                while let node = stack.popLast() {
                    onStack[node] = false
                    componentOf[node] = list.count
                    component.append(node)
                    if node == top.node { break }
                }
                list.append(component.sorted())
            }
        }
        return (list, componentOf)
    }

    /// A shortest way round the component from its first node back to it (breadth first).
    private static func cycle(in component: Set<Int>, edges: [[Int]]) -> [Int] {
        guard let start = component.min() else { return [] }
        var cameFrom: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] where component.contains(next) {
                if next == start {
                    var path = [start]
                    var step = node
                    while step != start, let previous = cameFrom[step] {
                        path.append(step)
                        step = previous
                    }
                    path.append(start)
                    return [start] + path.dropFirst().dropLast().reversed() + [start]
                }
                if cameFrom[next] == nil {
                    cameFrom[next] = node
                    queue.append(next)
                }
            }
        }
        return [start, start]
    }
}
