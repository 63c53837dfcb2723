import GRDB

/// The writer's SQL, each string compiled once per connection (GRDB's statement cache): adding
/// an article runs some two hundred small statements, and compiling and authorising each one
/// anew cost more than running it.
extension Database {
    func run(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func one<T: DatabaseValueConvertible & StatementColumnConvertible>(_: T.Type, _ sql: String,
                                                                    _ arguments: StatementArguments = StatementArguments()) throws -> T? {
        try T.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    func all<T: DatabaseValueConvertible & StatementColumnConvertible>(_: T.Type, _ sql: String,
                                                                    _ arguments: StatementArguments = StatementArguments()) throws -> [T] {
        try T.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    func rows(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    func row(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
