#pragma once

#include "result.h"

#include <QStringList>

class Database;
class SqlDialect;

// The versioned schema. Migrations are applied in order, each in the same write
// transaction that records the new version, so a crash mid-migration leaves the old
// version intact and a concurrent opener re-reads the version under the lock.
class SchemaMigrator final
{
public:
    static int latestVersion();
    // Brings the database up to latestVersion(); returns the version it ends at.
    static Result<int> migrate(Database &database);
    // The statements that take a board from version - 1 to version, in the dialect's
    // words. (Tests build boards of older versions with them.)
    static QStringList statementsOf(int version, const SqlDialect &dialect);
};
