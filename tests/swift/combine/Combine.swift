// A Linux stand-in for the few parts of Apple's Combine that `JournalStore` and the app's
// screen models use: `ObservableObject`, `@Published` with its `$` publisher, `dropFirst()`,
// `sink` and `AnyCancellable`. Apple's Combine exists only on Apple platforms; this module is
// compiled only by tests/swift/run.sh so the models and the store run here, on Linux, against
// the real core. It keeps Combine's observable behaviour: a `$value` subscriber receives the
// current value at once, then every new value as it is set (before the property changes, like
// Combine's `willSet` timing); cancelling or dropping the `AnyCancellable` ends the subscription.

import Foundation

/// A type whose `@Published` properties can be watched; `objectWillChange` fires before any of
/// them changes, as in Combine.
public protocol ObservableObject: AnyObject {}

/// Fires before a change of an `ObservableObject`'s published properties.
public final class ObservableObjectPublisher: @unchecked Sendable {
    private var subscribers: [UInt64: () -> Void] = [:]
    private var nextId: UInt64 = 0
    private let lock = NSLock()

    /// A publisher with no subscribers.
    public init() {}

    /// Tells every subscriber that the object is about to change.
    public func send() {
        lock.lock()
        let receivers = subscribers.sorted { $0.key < $1.key }.map(\.value)
        lock.unlock()
        for receive in receivers {
            receive()
        }
    }

    /// Calls `receiveValue` before each change.
    public func sink(receiveValue: @escaping (()) -> Void) -> AnyCancellable {
        lock.lock()
        let id = nextId
        nextId += 1
        subscribers[id] = { receiveValue(()) }
        lock.unlock()
        return AnyCancellable { [weak self] in
            guard let self else { return }
            self.lock.lock()
            self.subscribers[id] = nil
            self.lock.unlock()
        }
    }
}

/// Each observable object's publisher, made on first use (Combine keeps it in the object).
private final class WillChangeRegistry: @unchecked Sendable {
    static let shared = WillChangeRegistry()
    private struct Entry {
        weak var object: AnyObject?
        let publisher: ObservableObjectPublisher
    }
    private var entries: [ObjectIdentifier: Entry] = [:]
    private let lock = NSLock()

    func publisher(of object: AnyObject) -> ObservableObjectPublisher {
        lock.lock()
        defer { lock.unlock() }
        let key = ObjectIdentifier(object)
        if let entry = entries[key], entry.object === object {
            return entry.publisher
        }
        let publisher = ObservableObjectPublisher()
        entries[key] = Entry(object: object, publisher: publisher)
        return publisher
    }
}

extension ObservableObject {
    /// Fires before any `@Published` property of this object changes.
    public var objectWillChange: ObservableObjectPublisher {
        WillChangeRegistry.shared.publisher(of: self)
    }
}

/// Ends a subscription when cancelled or released.
public final class AnyCancellable: Hashable, @unchecked Sendable {
    private var onCancel: (() -> Void)?

    /// A cancellable that runs `cancel` once.
    public init(_ cancel: @escaping () -> Void) {
        onCancel = cancel
    }

    /// Ends the subscription (again: nothing).
    public func cancel() {
        let action = onCancel
        onCancel = nil
        action?()
    }

    deinit {
        cancel()
    }

    public static func == (lhs: AnyCancellable, rhs: AnyCancellable) -> Bool {
        lhs === rhs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }

    /// Keeps the cancellable in `set`, as Combine's `store(in:)`.
    public func store(in set: inout Set<AnyCancellable>) {
        set.insert(self)
    }
}

/// The value and the subscribers of one `@Published` property.
public final class PublishedSubject<Value>: @unchecked Sendable {
    fileprivate var value: Value
    private var subscribers: [UInt64: (Value) -> Void] = [:]
    private var nextId: UInt64 = 0
    private let lock = NSLock()

    fileprivate init(_ value: Value) {
        self.value = value
    }

    fileprivate func send(_ newValue: Value) {
        lock.lock()
        let receivers = subscribers.sorted { $0.key < $1.key }.map(\.value)
        lock.unlock()
        for receive in receivers {
            receive(newValue)
        }
        value = newValue
    }

    fileprivate func subscribe(_ receive: @escaping (Value) -> Void) -> AnyCancellable {
        lock.lock()
        let id = nextId
        nextId += 1
        subscribers[id] = receive
        lock.unlock()
        receive(value)
        return AnyCancellable { [weak self] in
            guard let self else { return }
            self.lock.lock()
            self.subscribers[id] = nil
            self.lock.unlock()
        }
    }
}

/// The `$property` publisher of a `@Published` property, possibly skipping its first values.
public struct PublishedPublisher<Value> {
    fileprivate let subject: PublishedSubject<Value>
    fileprivate let skip: Int

    /// The same publisher without its first `count` values.
    public func dropFirst(_ count: Int = 1) -> PublishedPublisher<Value> {
        PublishedPublisher(subject: subject, skip: skip + count)
    }

    /// Calls `receiveValue` with each value (the current one first, unless dropped).
    public func sink(receiveValue: @escaping (Value) -> Void) -> AnyCancellable {
        var remaining = skip
        return subject.subscribe { value in
            if remaining > 0 {
                remaining -= 1
            } else {
                receiveValue(value)
            }
        }
    }
}

/// A property whose changes can be watched through `$property`.
@propertyWrapper
public struct Published<Value> {
    private let subject: PublishedSubject<Value>

    /// A published property starting at `wrappedValue`.
    public init(wrappedValue: Value) {
        subject = PublishedSubject(wrappedValue)
    }

    /// Not used: a `@Published` property lives in a class and goes through the subscript below.
    @available(*, unavailable, message: "@Published is only available on properties of classes")
    public var wrappedValue: Value {
        get { fatalError("@Published outside a class") }
        set { fatalError("@Published outside a class") }
    }

    /// The property's value in its object; setting it fires the object's `objectWillChange`,
    /// then the property's subscribers, then stores the value (Combine's order).
    public static subscript<EnclosingSelf: AnyObject>(
        _enclosingInstance object: EnclosingSelf,
        wrapped wrappedKeyPath: ReferenceWritableKeyPath<EnclosingSelf, Value>,
        storage storageKeyPath: ReferenceWritableKeyPath<EnclosingSelf, Published<Value>>
    ) -> Value {
        get { object[keyPath: storageKeyPath].subject.value }
        set {
            if let observable = object as? any ObservableObject {
                observable.objectWillChange.send()
            }
            object[keyPath: storageKeyPath].subject.send(newValue)
        }
    }

    /// The publisher of the property's values.
    public var projectedValue: PublishedPublisher<Value> {
        PublishedPublisher(subject: subject, skip: 0)
    }
}
