#pragma once

#include <QString>

#include <optional>
#include <utility>

// Errors are values: every kernel command returns a Result that the caller must check.
// The message is one English line naming the problem; the code lets a layer that shows
// it choose how (exit status in qanbanctl, a status-bar text on the board).
enum class ErrorCode {
    NotFound,    // an id that names nothing
    Invalid,     // a value the command cannot accept (empty title, bad JSON, unknown kind)
    Refused,     // a transition the lifecycle does not allow
    Cycle,       // a link that would close a cycle, or link a task to itself
    LostClaim,   // a claim, heartbeat, complete or block by someone not holding the task
    Busy,        // the database stayed locked through every retry
    Database,    // the database failed, or is not one we can open
    Io,          // a file or folder outside the database could not be made or read
};

struct Error {
    ErrorCode code = ErrorCode::Database;
    QString message;
};

template <typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const & { return *m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

inline Error makeError(ErrorCode code, const QString &message)
{
    return Error{code, message};
}
