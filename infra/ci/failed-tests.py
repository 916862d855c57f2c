#!/usr/bin/env python3
"""Prints the tests that failed, from Maven's surefire and failsafe XML reports, as the last lines of
a red CI run: one line per failed or erroring test, then a summary line. Usage: failed-tests.py [target-dir]"""
import glob
import os
import sys
import xml.etree.ElementTree as ElementTree

target = sys.argv[1] if len(sys.argv) > 1 else "target"
reports = sorted(glob.glob(os.path.join(target, "surefire-reports", "TEST-*.xml"))
                 + glob.glob(os.path.join(target, "failsafe-reports", "TEST-*.xml")))
failed = []
ran = 0
for report in reports:
    try:
        suite = ElementTree.parse(report).getroot()
    except ElementTree.ParseError:
        failed.append(("unreadable report", os.path.basename(report), ""))
        continue
    for case in suite.iter("testcase"):
        ran += 1
        for kind in ("failure", "error"):
            for problem in case.findall(kind):
                message = (problem.get("message") or problem.get("type") or "").strip().splitlines()
                failed.append((kind, case.get("classname", "?") + "." + case.get("name", "?"),
                               message[0][:200] if message else ""))

if not reports:
    print("CI FAILED before any test report was written: the build or the set-up failed (see the output above).")
    sys.exit(0)
for kind, name, message in failed:
    print(f"FAILED TEST ({kind}): {name}" + (f" -- {message}" if message else ""))
if failed:
    print(f"CI FAILED: {len(failed)} of {ran} tests failed: " + ", ".join(sorted({name for _, name, _ in failed})))
else:
    print(f"CI FAILED, but all {ran} tests in the reports passed: the failure is outside the tests (see the output above).")
