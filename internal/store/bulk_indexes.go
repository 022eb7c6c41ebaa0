package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// What a large bulk load drops and makes again (BulkLoadOptions.Dossiers): the secondary
// indexes of the written tables, never those that enforce a key, and on PostgreSQL the
// foreign keys of the events and payments to the dossiers (SQLite's are switched off on
// the session's connection instead). Their definitions are kept in a setting until
// Finish runs them again, so that an interrupted session is repaired by the next one.

// droppedListSQLite lists the secondary indexes of the written tables on SQLite.
const droppedListSQLite = `SELECT name, sql FROM sqlite_master
	WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (%s) ORDER BY name`

// droppedListPostgres lists, in the current schema, the non-unique indexes of the written
// tables and the foreign keys from them, each with the statement that makes it again.
const droppedListPostgres = `SELECT indexname, indexdef FROM pg_indexes
	WHERE schemaname = current_schema() AND tablename IN (%[1]s) AND indexdef LIKE 'CREATE INDEX %%'
	UNION ALL
	SELECT conname, 'ALTER TABLE ' || conrelid::regclass::text || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' ||
		pg_get_constraintdef(oid)
	FROM pg_constraint
	WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND conrelid::regclass::text IN (%[1]s)
	ORDER BY 1`

// dropIndexes drops what the session drops, after recording the definitions.
func (b *BulkLoad) dropIndexes(ctx context.Context, conn *sql.Conn) error {
	list := droppedListSQLite
	if b.s.dialect == Postgres {
		list = droppedListPostgres
	}
	rows, err := conn.QueryContext(ctx, fmt.Sprintf(list, "'"+strings.Join(bulkTables, "', '")+"'"))
	if err != nil {
		return err
	}
	var idx []savedIndex
	for rows.Next() {
		var i savedIndex
		if err := rows.Scan(&i.name, &i.sql); err != nil {
			rows.Close()
			return err
		}
		idx = append(idx, i)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	defs := map[string]string{}
	for _, i := range idx {
		defs[i.name] = i.sql
	}
	saved, err := json.Marshal(defs)
	if err != nil {
		return err
	}
	put, err := b.s.q("SettingPut")
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, put, bulkIndexSetting, string(saved)); err != nil {
		return err
	}
	for _, i := range idx {
		drop := `DROP INDEX IF EXISTS "` + i.name + `"`
		if table, ok := constraintTable(i.sql); ok {
			drop = "ALTER TABLE " + table + ` DROP CONSTRAINT IF EXISTS "` + i.name + `"`
		}
		if _, err := conn.ExecContext(ctx, drop); err != nil {
			return err
		}
	}
	b.indexes = idx
	return nil
}

// constraintTable returns the table of a saved foreign key definition (ALTER TABLE t ADD
// CONSTRAINT …), and false for an index.
func constraintTable(def string) (string, bool) {
	rest, ok := strings.CutPrefix(def, "ALTER TABLE ")
	if !ok {
		return "", false
	}
	table, _, ok := strings.Cut(rest, " ADD CONSTRAINT ")
	return table, ok
}

// rebuildIndexes makes again what a session (this one or an interrupted one) dropped,
// the indexes first, then forgets them.
func (b *BulkLoad) rebuildIndexes(ctx context.Context, conn *sql.Conn) error {
	get, err := b.s.q("SettingGet")
	if err != nil {
		return err
	}
	var saved string
	switch err := conn.QueryRowContext(ctx, get, bulkIndexSetting).Scan(&saved); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	defs := map[string]string{}
	if saved != "" {
		if err := json.Unmarshal([]byte(saved), &defs); err != nil {
			return fmt.Errorf("dropped indexes: %w", err)
		}
	}
	var keys []savedIndex
	for name, def := range defs {
		if _, ok := constraintTable(def); ok {
			keys = append(keys, savedIndex{name, def})
			continue
		}
		text, ok := strings.CutPrefix(def, "CREATE INDEX ")
		if !ok {
			return fmt.Errorf("dropped index: unexpected definition %q", def)
		}
		if _, err := conn.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS "+text); err != nil {
			return err
		}
	}
	for _, k := range keys {
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint
			WHERE conname = $1 AND connamespace = current_schema()::regnamespace`, k.name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if _, err := conn.ExecContext(ctx, k.sql); err != nil {
			return err
		}
	}
	put, err := b.s.q("SettingPut")
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, put, bulkIndexSetting, "")
	b.indexes = nil
	return err
}
