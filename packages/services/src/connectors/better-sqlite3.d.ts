/**
 * The part of better-sqlite3 (v12) the connector and the demo generator use.
 * @types/better-sqlite3 is not installed; if it ever is, delete this file.
 */
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      /** Busy timeout in ms. */
      timeout?: number;
      verbose?: (message?: unknown, ...rest: unknown[]) => void;
    }

    interface ColumnDefinition {
      name: string;
      column: string | null;
      table: string | null;
      database: string | null;
      type: string | null;
    }

    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }

    interface Statement<Row = unknown> {
      readonly reader: boolean;
      readonly readonly: boolean;
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): Row | undefined;
      all(...params: unknown[]): Row[];
      iterate(...params: unknown[]): IterableIterator<Row>;
      columns(): ColumnDefinition[];
      pluck(toggle?: boolean): Statement;
      raw(toggle?: boolean): Statement<unknown[]>;
      safeIntegers(toggle?: boolean): this;
    }

    interface Database {
      readonly name: string;
      readonly open: boolean;
      readonly readonly: boolean;
      readonly inTransaction: boolean;
      prepare<Row = Record<string, unknown>>(source: string): Statement<Row>;
      exec(source: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<F extends (...args: never[]) => unknown>(fn: F): F;
      close(): this;
    }
  }

  interface DatabaseConstructor {
    new (filename: string, options?: BetterSqlite3.Options): BetterSqlite3.Database;
    (filename: string, options?: BetterSqlite3.Options): BetterSqlite3.Database;
  }

  const Database: DatabaseConstructor;
  namespace Database {
    type Database = BetterSqlite3.Database;
    type Statement<Row = unknown> = BetterSqlite3.Statement<Row>;
    type Options = BetterSqlite3.Options;
  }
  export = Database;
}
