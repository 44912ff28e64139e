/*
 * The reference for the event-log benchmark: how long the raw SQLite C API needs to write
 * the same rows into the same schema with the same indexes, built the same way.
 *
 * Usage: sqlite_reference SOURCE.sqlite OUTPUT.sqlite
 *
 * Reads every row of the `events`, `tasks` and `nodes` tables of SOURCE (an event log
 * batchsim wrote) into memory, then times: creating OUTPUT with SOURCE's own table DDL and
 * batchsim's pragmas, inserting the rows with one reused prepared statement per table in
 * transactions of 65,536 rows, and building SOURCE's indexes with the same pragmas.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const char *name;
    int columns;
    long long rows;
    sqlite3_value **values; /* rows × columns, copied with sqlite3_value_dup */
} Table;

static void check(int status, sqlite3 *db, const char *what) {
    if (status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void load(sqlite3 *db, Table *table) {
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table->name);
    sqlite3_stmt *count;
    check(sqlite3_prepare_v2(db, sql, -1, &count, NULL), db, "count");
    check(sqlite3_step(count), db, "count");
    table->rows = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", table->name);
    sqlite3_stmt *select;
    check(sqlite3_prepare_v2(db, sql, -1, &select, NULL), db, "select");
    table->columns = sqlite3_column_count(select);
    table->values = malloc(sizeof(sqlite3_value *) * (size_t)table->rows * (size_t)table->columns);
    long long row = 0;
    while (sqlite3_step(select) == SQLITE_ROW) {
        for (int column = 0; column < table->columns; column++) {
            table->values[row * table->columns + column] = sqlite3_value_dup(sqlite3_column_value(select, column));
        }
        row++;
    }
    sqlite3_finalize(select);
}

static void insert(sqlite3 *db, Table *table) {
    char sql[512] = "";
    snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (", table->name);
    for (int column = 0; column < table->columns; column++) strcat(sql, column ? ", ?" : "?");
    strcat(sql, ")");
    sqlite3_stmt *statement;
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL), db, "prepare insert");
    for (long long row = 0; row < table->rows; row++) {
        if (row % 65536 == 0) check(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), db, "begin");
        for (int column = 0; column < table->columns; column++) {
            sqlite3_value *value = table->values[row * table->columns + column];
            if (sqlite3_value_type(value) == SQLITE_INTEGER) {
                sqlite3_bind_int64(statement, column + 1, sqlite3_value_int64(value));
            } else {
                sqlite3_bind_value(statement, column + 1, value);
            }
        }
        check(sqlite3_step(statement), db, "insert");
        sqlite3_reset(statement);
        if (row % 65536 == 65535 || row == table->rows - 1) check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    }
    sqlite3_finalize(statement);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s SOURCE.sqlite OUTPUT.sqlite\n", argv[0]);
        return 2;
    }
    sqlite3 *source;
    check(sqlite3_open_v2(argv[1], &source, SQLITE_OPEN_READONLY, NULL), source, "open source");
    Table tables[] = {{"events", 0, 0, NULL}, {"tasks", 0, 0, NULL}, {"nodes", 0, 0, NULL}};
    for (int i = 0; i < 3; i++) load(source, &tables[i]);

    remove(argv[2]);
    double start = now();
    sqlite3 *db;
    check(sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL), db,
          "open output");
    check(sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;", NULL,
                       NULL, NULL),
          db, "pragmas");
    sqlite3_stmt *ddl;
    check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN "
                                     "('events', 'tasks', 'nodes')", -1, &ddl, NULL),
          source, "ddl");
    while (sqlite3_step(ddl) == SQLITE_ROW) check(sqlite3_exec(db, (const char *)sqlite3_column_text(ddl, 0), NULL, NULL, NULL), db, "create");
    sqlite3_finalize(ddl);
    long long rows = 0;
    for (int i = 0; i < 3; i++) {
        insert(db, &tables[i]);
        rows += tables[i].rows;
    }
    double inserted = now();
    check(sqlite3_exec(db, "PRAGMA threads = 2; PRAGMA cache_size = -2000;", NULL, NULL, NULL), db, "index pragmas");
    check(sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", -1, &ddl,
                             NULL),
          source, "index ddl");
    while (sqlite3_step(ddl) == SQLITE_ROW) check(sqlite3_exec(db, (const char *)sqlite3_column_text(ddl, 0), NULL, NULL, NULL), db, "index");
    sqlite3_finalize(ddl);
    sqlite3_close(db);
    double end = now();
    printf("reference\t%lld\t%.3f\t%.3f\t%.3f\n", rows, end - start, inserted - start, end - inserted);
    return 0;
}
