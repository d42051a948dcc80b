-- Each analyzer's current findings run and its size: a re-run (new run id) or an append changes this.
SELECT analyzer, run_id, count(*) AS n FROM findings GROUP BY analyzer, run_id ORDER BY analyzer, run_id
