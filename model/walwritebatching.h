#pragma once

#include <QtGlobal>

// Makes SQLite hand each commit's write-ahead-log frames to the kernel in one write call.
//
// SQLite writes a frame as two calls, its 24-byte header and then its page, so a command
// that changes five pages makes ten pwrite() calls before its fsync. On the virtual
// machines boards run on, a system call costs one to two microseconds, which made the
// calls a tenth of a claim+complete. This is a VFS over the process's default one (the
// Unix VFS): writes to a WAL file that continue the previous one are gathered in memory,
// and handed on in one call
//   - as soon as the frame that commits a transaction is complete (its header carries the
//     database size, which only a commit frame does), so a commit's frames reach the
//     file before SQLite syncs it or publishes them in the WAL index, at any
//     `synchronous` level;
//   - before anything else is done with that file: a read, a sync, a truncation, a size
//     query, a file control, a write elsewhere, closing.
// Every other file (the database itself, the WAL index, journals) is passed through
// untouched. A process that dies with frames gathered loses only frames of a transaction
// that had not committed, which SQLite's recovery discards anyway.
class WalWriteBatching final
{
public:
    // Registers the VFS as the process's default, once; later calls do nothing. Every
    // SQLite connection opened afterwards, QtSql's included, goes through it. False when
    // SQLite refused to register it (connections then use the plain default VFS).
    static bool install();
    static bool isInstalled();

    // Since the process started: write calls SQLite made on WAL files, and write calls
    // handed on to the file system for them.
    struct Counts {
        qint64 requested = 0;
        qint64 issued = 0;
    };
    static Counts counts();

    WalWriteBatching() = delete;
};
