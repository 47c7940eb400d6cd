"""Runs every test in this folder (unittest discovery) and writes the counts to ER_RESULTS_FILE.

    python3 sdks/python/tests/run.py            # unit tests; the scenario is skipped
    npx tsx sdks/harness/run.ts python          # the same, against the whole stack
"""

from __future__ import annotations

import json
import os
import sys
import unittest

# The source tree stays free of __pycache__, here and in the pip and python subprocesses the tests start.
sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def main() -> int:
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    counts = {"passed": result.testsRun - failed - skipped, "failed": failed, "skipped": skipped}
    target = os.environ.get("ER_RESULTS_FILE")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(counts, out)
    print(f"sdk-python: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
