import ParallelWork

/// A bounded first-in first-out hand-off between the simulating threads and the writer
/// thread. Producers block while it is full, so a slow disk bounds memory instead of letting
/// buffered events grow without limit.
final class WorkQueue<Item: Sendable>: Sendable {
    private struct Buffer {
        var items: [Item] = []
        var head = 0
        var count: Int { items.count - head }
    }

    private let buffer = Locked(Buffer())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func push(_ item: Item) {
        buffer.wait { buffer -> Void? in
            guard buffer.count < capacity else { return nil }
            buffer.items.append(item)
            return ()
        }
    }

    func pop() -> Item {
        buffer.wait { buffer -> Item? in
            guard buffer.count > 0 else { return nil }
            let item = buffer.items[buffer.head]
            buffer.head += 1
            if buffer.head == buffer.items.count {
                buffer.items.removeAll(keepingCapacity: true)
                buffer.head = 0
            }
            return item
        }
    }
}
