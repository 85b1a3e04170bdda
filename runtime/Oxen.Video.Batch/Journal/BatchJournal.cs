using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Oxen.Video.Batch;

/// <summary>
/// The batch's memory on disk: one SQLite database (WAL) in the output folder with a row per line. Every change is
/// its own committed transaction, made before the action it records, so a process killed at any moment leaves
/// each line in a state a later run can resume from. Thread-safe (one connection behind a lock).
/// </summary>
public sealed partial class BatchJournal : IDisposable
{
    /// <summary>The journal's file name inside the output folder.</summary>
    public const string FileName = "oxen-batch.db";

    private const string Columns =
        "line, key, model, body, state, generation_id, error, retryable, sends, retries, estimated_usd, charged_usd, " +
        "sending_at, enqueued_at, finished_at, hub_enqueued_at, hub_started_at, hub_completed_at, file";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private BatchJournal(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the journal in <paramref name="directory"/>.</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="durable">
    /// <see langword="true"/> (the default) syncs each commit to the disk (<c>synchronous=FULL</c>), so it survives a
    /// power cut too; <see langword="false"/> (<c>NORMAL</c>) survives a killed process, which is what WAL promises.
    /// </param>
    public static BatchJournal Open(string directory, bool durable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, durable ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute(connection, "PRAGMA busy_timeout=5000;");
            CheckIntact(connection, path);
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS lines(
                  line INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, model TEXT NOT NULL, body TEXT NOT NULL,
                  state TEXT NOT NULL, generation_id TEXT, error TEXT, retryable INTEGER NOT NULL DEFAULT 0,
                  sends INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0,
                  estimated_usd TEXT, charged_usd TEXT,
                  sending_at INTEGER, enqueued_at INTEGER, finished_at INTEGER,
                  hub_enqueued_at INTEGER, hub_started_at INTEGER, hub_completed_at INTEGER, file TEXT);
                CREATE INDEX IF NOT EXISTS lines_generation ON lines(generation_id);
                """);
            return new BatchJournal(connection, path);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Damaged(path, ex.Message, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A truncated or foreign file fails here, when it opens, not halfway through a batch.</summary>
    private static void CheckIntact(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check;";
        if (command.ExecuteScalar() is not "ok" and var answer)
        {
            throw Damaged(path, $"its integrity check says {answer}", null);
        }
    }

    private static BatchJournalException Damaged(string path, string why, Exception? inner) => new(
        path,
        $"The journal {path} is damaged or is not a batch journal ({why}); nothing was sent. Move it aside to start "
        + "the folder over; what was already enqueued is still listed by the hub (oxen generations status <id>, "
        + "GET /api/ai/queue).",
        inner);

    /// <summary>A value stored beside the lines (the batch file, the shard), or <see langword="null"/>.</summary>
    public string? GetMeta(string name)
    {
        lock (_gate)
        {
            using var command = Command("SELECT value FROM meta WHERE name = $name;", ("$name", name));
            return command.ExecuteScalar() as string;
        }
    }

    /// <summary>Stores a value beside the lines.</summary>
    public void SetMeta(string name, string value)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO meta(name, value) VALUES($name, $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value;", ("$name", name), ("$value", value));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Adds the plan's lines that the journal lacks (as pending, in one transaction) and checks the others are the
    /// same line as before. Returns the differences: a batch file edited between runs must not mix with its journal.
    /// </summary>
    public IReadOnlyList<BatchProblem> Sync(BatchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<BatchProblem>();
        var known = Rows().ToDictionary(r => r.LineNumber);
        var shard = plan.Shard.ToString();
        if (GetMeta("shard") is { } previous && previous != shard)
        {
            problems.Add(new BatchProblem(plan.File, 0, null, $"this folder's journal is shard {previous}, not {shard}: use one folder per shard"));
            return problems;
        }

        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var line in plan.Lines)
            {
                if (known.Remove(line.LineNumber, out var row))
                {
                    if (row.Key != line.Key || row.Model != line.Model || row.Body != line.BodyText)
                    {
                        problems.Add(new BatchProblem(plan.File, line.LineNumber, null,
                            $"differs from the line the journal in this folder ran ({row.Key}, {row.Model}); a batch file must not change between runs (use a new --out folder)"));
                    }

                    continue;
                }

                using var insert = Command(
                    "INSERT INTO lines(line, key, model, body, state, estimated_usd) VALUES($line, $key, $model, $body, 'pending', $estimated);",
                    ("$line", line.LineNumber), ("$key", line.Key), ("$model", line.Model), ("$body", line.BodyText), ("$estimated", Money(line.EstimatedCostUsd)));
                insert.Transaction = transaction;
                try
                {
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    problems.Add(new BatchProblem(plan.File, line.LineNumber, "key", $"'{line.Key}' is the key of another line in this folder's journal"));
                }
            }

            foreach (var row in known.Values)
            {
                problems.Add(new BatchProblem(plan.File, row.LineNumber, null, $"is in this folder's journal ({row.Key}) but not in the file (or not in this shard)"));
            }

            if (problems.Count == 0)
            {
                transaction.Commit();
            }
        }

        if (problems.Count == 0)
        {
            SetMeta("file", System.IO.Path.GetFullPath(plan.File));
            SetMeta("shard", shard);
        }

        return problems;
    }

    /// <summary>Every line, in line order.</summary>
    public IReadOnlyList<BatchJournalRow> Rows()
    {
        lock (_gate)
        {
            using var command = Command($"SELECT {Columns} FROM lines ORDER BY line;");
            using var reader = command.ExecuteReader();
            var rows = new List<BatchJournalRow>();
            while (reader.Read())
            {
                rows.Add(ReadRow(reader));
            }

            return rows;
        }
    }

    /// <summary>One line, or <see langword="null"/>.</summary>
    public BatchJournalRow? Row(int lineNumber)
    {
        lock (_gate)
        {
            using var command = Command($"SELECT {Columns} FROM lines WHERE line = $line;", ("$line", lineNumber));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadRow(reader) : null;
        }
    }

    /// <summary>Releases the database.</summary>
    public void Dispose() => _connection.Dispose();

    internal static string? Money(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static long? Unix(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static BatchJournalRow ReadRow(SqliteDataReader reader) => new()
    {
        LineNumber = reader.GetInt32(0),
        Key = reader.GetString(1),
        Model = reader.GetString(2),
        Body = reader.GetString(3),
        State = BatchLineStates.Parse(reader.GetString(4)),
        GenerationId = reader.IsDBNull(5) ? null : reader.GetString(5),
        Error = reader.IsDBNull(6) ? null : reader.GetString(6),
        Retryable = reader.GetInt64(7) != 0,
        Sends = reader.GetInt32(8),
        Retries = reader.GetInt32(9),
        EstimatedCostUsd = reader.IsDBNull(10) ? null : decimal.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
        ChargedCostUsd = reader.IsDBNull(11) ? null : decimal.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
        SendingAt = Time(reader, 12),
        EnqueuedAt = Time(reader, 13),
        FinishedAt = Time(reader, 14),
        HubEnqueuedAt = Time(reader, 15),
        HubStartedAt = Time(reader, 16),
        HubCompletedAt = Time(reader, 17),
        File = reader.IsDBNull(18) ? null : reader.GetString(18),
    };

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
