# --- Batching ---
# 1. One round trip for many rows
cur.executemany("INSERT INTO events VALUES (%s, %s)", rows)
# 2. COPY for bulk loads
with cur.copy("COPY events FROM STDIN") as copy:
    for row in rows:
        copy.write_row(row)
# --- Pagination ---
# OFFSET reads and drops the rows it skips
