#!/usr/bin/env python3
"""sqlfuzz -- a seeded, time-bounded SQL-level fuzzer for the regionpolicy
extension (type funding, its operators, aggregates, apportion, casts).

It drives one long-lived `psql` (no Python packages needed) and runs random,
type-correct statements, each after `SET statement_timeout`.  A run FAILS on

  * a server crash (connection lost, "server closed the connection",
    "terminating connection"),
  * an error with SQLSTATE XX000, XX001 or XX002,
  * a statement whose wall time exceeds timeout + slack (an uncancellable
    loop: the backend is then killed with kill -9 so the run can go on),
  * an oracle violation (SQLSTATE FZ001, raised by sqlfuzz.fz_check() inside
    the generated statement: apportion shares add up to the pool, window
    sum/avg agree with exact numeric arithmetic, DISTINCT / ORDER BY / joins
    agree with the components, text and jsonb round trips).

Expected errors (22xxx and so on) are tallied by SQLSTATE.  Each distinct
failure is written to a reproduction file and reduced by delta debugging
(drop list elements and SET lines, replace subexpressions by simple literals,
shrink generate_series bounds) while it persists.

Usage: sqlfuzz.py [--seed N] [--seconds S] [--timeout-ms T] [--slack S]
                  [--reduce-seconds R] [--out DIR] [--verbose]
Connection: the usual PG* environment variables.  Use a throwaway cluster:
the fuzzer kills hung backends with kill -9, which restarts the cluster.
"""

import argparse
import copy
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time

INT64_MAX = 2**63 - 1
INT64_MIN = -2**63

# ---------------------------------------------------------------------------
# Statement trees: rendered to SQL, and edited by the reducer.
# ---------------------------------------------------------------------------


class Node:
    pass


class Seq(Node):
    """Concatenation of parts (str or Node)."""

    def __init__(self, *parts):
        self.parts = list(parts)

    def kids(self):
        return [p for p in self.parts if isinstance(p, Node)]

    def render(self):
        return "".join(r(p) for p in self.parts)


class Lst(Node):
    """A separated list; the reducer may drop elements down to `min`."""

    def __init__(self, items, sep=", ", min=1):
        self.items = list(items)
        self.sep = sep
        self.min = min

    def kids(self):
        return [p for p in self.items if isinstance(p, Node)]

    def render(self):
        return self.sep.join(r(p) for p in self.items)


class Alt(Node):
    """A subexpression with a simpler stand-in of the same type."""

    def __init__(self, node, simple):
        self.node = node
        self.simple = simple
        self.simplified = False

    def kids(self):
        if self.simplified:
            return []
        return [self.node] if isinstance(self.node, Node) else []

    def render(self):
        return self.simple if self.simplified else r(self.node)


class Num(Node):
    """An integer literal the reducer may shrink towards `lo`."""

    def __init__(self, value, lo=1):
        self.value = value
        self.lo = lo

    def kids(self):
        return []

    def render(self):
        return str(self.value)


def r(p):
    return p.render() if isinstance(p, Node) else p


def all_nodes(tree):
    out = []

    def walk(n):
        out.append(n)
        for k in n.kids():
            walk(k)
    walk(tree)
    return out


def edit_sites(tree):
    """(node index, op, arg) for every possible simplification, big first."""
    sites = []
    for idx, n in enumerate(all_nodes(tree)):
        if isinstance(n, Lst) and len(n.items) > n.min:
            size = len(n.items) // 2
            while size >= 2:
                for a in range(0, len(n.items), size):
                    b = min(a + size, len(n.items))
                    if len(n.items) - (b - a) >= n.min:
                        sites.append((idx, "dropchunk", (a, b)))
                size //= 2
            for j in range(len(n.items)):
                sites.append((idx, "drop", j))
        elif isinstance(n, Alt) and not n.simplified:
            sites.append((idx, "simplify", None))
        elif isinstance(n, Num) and n.value > n.lo:
            sites.append((idx, "num", n.lo))
            if n.value // 2 > n.lo:
                sites.append((idx, "num", n.value // 2))
            if n.value - 1 > n.lo:
                sites.append((idx, "num", n.value - 1))
    return sites


def apply_edit(tree, site):
    t = copy.deepcopy(tree)
    idx, op, arg = site
    n = all_nodes(t)[idx]
    if op == "drop":
        del n.items[arg]
    elif op == "dropchunk":
        del n.items[arg[0]:arg[1]]
    elif op == "simplify":
        n.simplified = True
    elif op == "num":
        n.value = arg
    return t


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------

EDGE_INTS = [0, 1, -1, 2, 7, 100, 999, 10**4, 10**8, 10**12, 10**16, 10**18,
             92900000000, 43300000000, 136200000000, 25910000000,
             2**31, 2**32, 2**62, -2**62, 2**62 - 1, 2**62 + 1,
             INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
             INT64_MAX // 2, INT64_MIN // 2, 4611686018427387904,
             3074457345618258602, 9007199254740993]

UNITS_OK = ["원", "억", "만", "조", "천원", "백만원", "eok", "won", "korean"]
UNITS_ANY = UNITS_OK + ["경", "십억", "", "bogus", "천", "억원"]
DISPLAY_UNITS = ["억", "eok", "원", "won", "korean"]

HANGUL_DIGITS = ["일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
MUTATION_POOL = ["억", "조", "만", "원", "천", "백", "십", "경", "(", ")", ",",
                 ".", "-", "△", " ", "국비", "지방비", "총", "=", ":", "9", "0",
                 "5", "정", "금", "₩", "약", "·", "e", "\t", "도비", "시비",
                 "99999999999", "일", "영"]

KEYS_NATIONAL = ["국비", "national", "국고", "정부", "국비는"]
KEYS_LOCAL = ["지방비", "local", "지방비가"]
KEYS_LEVEL = ["도비", "시비", "군비", "구비", "시도비", "시·도비", "시군비"]
KEYS_TOTAL = ["총", "합계", "총액", "total", "총사업비"]


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


class Gen:
    def __init__(self, rng, depth=3):
        self.rng = rng
        self.depth = depth

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, xs):
        return self.rng.choice(xs)

    # -- numbers ---------------------------------------------------------
    def int_value(self, small=False):
        rng = self.rng
        k = rng.random()
        if small or k < 0.35:
            return rng.randint(-10**6, 10**6) * self.pick([1, 1, 100, 10**4, 10**8])
        if k < 0.7:
            v = self.pick(EDGE_INTS)
            return max(INT64_MIN, min(INT64_MAX, v + rng.randint(-2, 2)))
        return rng.randint(INT64_MIN, INT64_MAX)

    def bigint_lit(self, v=None):
        if v is None:
            v = self.int_value()
        return "'%d'::bigint" % v

    def numeric_text(self):
        rng = self.rng
        k = rng.random()
        if k < 0.25:
            return str(rng.randint(-5, 20))
        if k < 0.5:
            return "%d.%s" % (rng.randint(-100, 100),
                              "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25))))
        if k < 0.6:
            return self.pick(["0", "0.0", "-0", "0.5", "-0.5", "1.5", "2.5", "0.8", "3",
                              "0.3333333333333333333333333333", "1e-16000", "1e16000",
                              "9e131071", "1e-30", "1e30", "0.000000000000000001",
                              "9223372036854775807", "9223372036854775808",
                              "-9223372036854775809", "1e19", "NaN", "Infinity",
                              "-Infinity"])
        if k < 0.8:
            return str(self.int_value())
        return "%se%d" % (rng.choice(["1", "9", "1.5", "-2", "7.77"]), rng.randint(-40, 40))

    # -- amount text -----------------------------------------------------
    def hangul_number(self, n):
        # 1..9999 in Hangul numerals
        out = ""
        for value, word in ((1000, "천"), (100, "백"), (10, "십")):
            d, n = divmod(n, value)
            if d:
                out += ("" if d == 1 else HANGUL_DIGITS[d - 1]) + word
        if n:
            out += HANGUL_DIGITS[n - 1]
        return out or "영"

    def amount_text(self, keyed=False):
        rng = self.rng
        k = rng.random()
        sign = self.pick(["", "", "", "-", "△"])
        if k < 0.2:
            return sign + str(abs(self.int_value()) if sign else self.int_value())
        if k < 0.45:
            return "%s%d%s" % (sign, rng.randint(0, 99999), self.pick(["억", "억원", "만", "조", "원", "만원", " 억원"]))
        if k < 0.55:
            return "%s%d.%d억" % (sign, rng.randint(0, 9999), rng.randint(0, 99999999))
        if k < 0.65:
            return "%s%d조%d억%s" % (sign, rng.randint(1, 9999), rng.randint(0, 9999),
                                    self.pick(["", "원", " 5000만원", " 1234"]))
        if k < 0.72:
            return "%s억%s만원" % (self.hangul_number(rng.randint(1, 9999)),
                                 self.hangul_number(rng.randint(1, 9999)))
        if k < 0.78:
            return "%d천%d억" % (rng.randint(1, 9), rng.randint(0, 999))
        if k < 0.83:
            return self.pick(["₩", "￦", "KRW "]) + "%d억" % rng.randint(0, 999)
        if k < 0.86:
            return "금 %s억원정" % self.hangul_number(rng.randint(1, 9999))
        if k < 0.92 and keyed:
            return "%d,%03d억원" % (rng.randint(1, 999), rng.randint(0, 999))
        return "%d경%d조" % (rng.randint(0, 922), rng.randint(0, 9999))

    def funding_text(self):
        rng = self.rng
        k = rng.random()
        a, b = self.amount_text(), self.amount_text()
        if k < 0.3:
            s = "(%s,%s)" % (a, b)
        elif k < 0.4:
            s = "(%s, %s, %s)" % (a, b, self.amount_text())
        elif k < 0.45:
            x, y = self.int_value(), self.int_value()
            s = "(%d,%d,%d)" % (x, y, x + y)
        elif k < 0.6:
            s = "%s %s, %s %s" % (self.pick(KEYS_NATIONAL), self.amount_text(True),
                                  self.pick(KEYS_LOCAL), self.amount_text(True))
        elif k < 0.67:
            s = "%s %s(%s %s, %s %s)" % (self.pick(KEYS_TOTAL), self.amount_text(True),
                                         self.pick(KEYS_NATIONAL), self.amount_text(True),
                                         self.pick(KEYS_LOCAL), self.amount_text(True))
        elif k < 0.72:
            s = "national=%s local=%s" % (a, b)
        elif k < 0.77:
            s = "(%s %s, %s %s, %s %s)" % (self.pick(KEYS_NATIONAL), a, self.pick(KEYS_LEVEL), b,
                                          self.pick(KEYS_LEVEL), self.amount_text())
        elif k < 0.85:
            s = self.pick(["", " ", "()", "(,)", "(1,2,3,4)", "92.9e9", "NaN", "Infinity",
                           "(9223372036854775807,1)", "(-9223372036854775808,0)",
                           "(9223372036854775807,-9223372036854775808)",
                           "(4611686018427387904,4611686018427387904)",
                           "(-4611686018427387904,-4611686018427387904)",
                           "(-4611686018427387904,-4611686018427387905)",
                           "(12억 5천,0)", "약 5억", "(1.5억 6000만,0)", "(1억",
                           "national=", "국비국비", "(0.5원,0)", "(" + "9" * 60 + ",0)",
                           "(1" + "0" * 30 + "억,0)", "국비 1207억", "합계 2900억, 지방비 816억",
                           "지방비 100억(도비 40억, 시비 60억)", "민자 5억", "(1천2345억,0)",
                           "(1.5천억,0)", "(922경3372조368억5477만5807,0)",
                           "(922경3372조368억5477만5808,0)", "총 1,812억원(국비 1,306, 지방비 506)",
                           "(0.00000001억,0)", "(0.000000001억,0)"])
        else:
            s = "(%s,%s)" % (a, b)
        if self.chance(0.15):
            s = self.mutate(s)
        return s

    def mutate(self, s):
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            op = rng.random()
            pos = rng.randint(0, len(s))
            if op < 0.35 and s:
                s = s[:pos] + s[pos + 1:]
            elif op < 0.75:
                s = s[:pos] + self.pick(MUTATION_POOL) + s[pos:]
            elif op < 0.9:
                s = s[:pos] + s[pos:pos + 3] * rng.randint(2, 5) + s[pos + 3:]
            else:
                s = s[:pos]
        return s

    # -- typed expressions -----------------------------------------------
    # cols maps a type name to column expressions usable in this context.
    def funding(self, d, cols):
        rng = self.rng
        simple = "'(1,2)'::funding"
        if d <= 0 or self.chance(0.3):
            k = rng.random()
            if cols.get("funding") and k < 0.5:
                return self.pick(cols["funding"])
            if k < 0.75:
                return Alt(sql_str(self.funding_text()) + "::funding", simple)
            if k < 0.9:
                return Alt(Seq("funding(", self.bigint(d - 1, cols), ", ",
                               self.bigint(d - 1, cols), ")"), simple)
            if k < 0.95:
                return Alt(Seq("funding(", self.numeric(d - 1, cols), ", ", self.numeric(d - 1, cols),
                               ", ", sql_str(self.pick(UNITS_ANY)), ")"), simple)
            return "NULL::funding"
        k = rng.random()
        f = lambda: self.funding(d - 1, cols)
        if k < 0.2:
            e = Seq("(", f(), self.pick([" + ", " - "]), f(), ")")
        elif k < 0.27:
            e = Seq("(-", f(), ")")
        elif k < 0.4:
            e = Seq("(", f(), " * ", self.numeric(d - 1, cols), ")")
        elif k < 0.47:
            e = Seq("(", self.numeric(d - 1, cols), " * ", f(), ")")
        elif k < 0.58:
            e = Seq("(", f(), " / ", self.numeric(d - 1, cols), ")")
        elif k < 0.68:
            e = Seq(self.pick(["round(", "trunc("]), f(), ", ", sql_str(self.pick(UNITS_ANY)), ")")
        elif k < 0.76:
            e = Seq("((", f(), ")::jsonb)::funding")
        elif k < 0.82:
            x = self.pick(["%d" % self.int_value(), sql_str(self.amount_text())])
            y = self.pick(["%d" % self.int_value(), sql_str(self.amount_text())])
            body = '{"national": %s, "local": %s' % (x.replace("'", '"'), y.replace("'", '"'))
            if self.chance(0.3):
                body += ', "total": %d' % self.int_value()
            e = Seq(sql_str(body + "}"), "::jsonb::funding")
        elif k < 0.88:
            e = Seq("funding_text(", f(), ", ", sql_str(self.pick(DISPLAY_UNITS)), ")::funding")
        elif k < 0.94:
            e = Seq("CASE WHEN ", self.boolean(d - 1, cols), " THEN ", f(), " ELSE ", f(), " END")
        else:
            e = Seq(self.pick(["greatest(", "least("]), f(), ", ", f(), ")")
        return Alt(e, simple)

    def bigint(self, d, cols):
        rng = self.rng
        simple = "'1'::bigint"
        if d <= 0 or self.chance(0.35):
            if cols.get("bigint") and self.chance(0.4):
                return self.pick(cols["bigint"])
            if self.chance(0.1):
                return Alt(Seq("parse_amount(", sql_str(self.amount_text(True)), ")"), simple)
            return Alt(self.bigint_lit(), simple)
        k = rng.random()
        if k < 0.5:
            fn = self.pick(["regionpolicy.national(", "\"local\"(", "total(", "national_won("])
            e = Seq(fn, self.funding(d - 1, cols), ")")
        elif k < 0.7:
            e = Seq("(", self.bigint(d - 1, cols), self.pick([" + ", " - ", " * "]),
                    self.bigint(d - 1, cols), ")")
        else:
            e = Seq("parse_amount(", self.text(d - 1, cols), ")")
        return Alt(e, simple)

    def numeric(self, d, cols):
        rng = self.rng
        simple = "'2'::numeric"
        if d <= 0 or self.chance(0.5):
            if cols.get("numeric") and self.chance(0.3):
                return self.pick(cols["numeric"])
            return Alt(sql_str(self.numeric_text()) + "::numeric", simple)
        k = rng.random()
        if k < 0.3:
            e = Seq("national_share(", self.funding(d - 1, cols), ")")
        elif k < 0.55:
            e = Seq("in_unit(", self.bigint(d - 1, cols), ", ", sql_str(self.pick(UNITS_ANY)), ")")
        elif k < 0.75:
            e = Seq("(", self.bigint(d - 1, cols), ")::numeric")
        else:
            e = Seq("(", self.numeric(d - 1, cols), self.pick([" + ", " - ", " * ", " / "]),
                    self.numeric(d - 1, cols), ")")
        return Alt(e, simple)

    def text(self, d, cols):
        simple = "'1억'"
        if d <= 0 or self.chance(0.5):
            return Alt(sql_str(self.amount_text(True)), simple)
        k = self.rng.random()
        if k < 0.4:
            e = Seq("format_amount(", self.bigint(d - 1, cols), ", ", sql_str(self.pick(UNITS_ANY)), ")")
        elif k < 0.7:
            e = Seq("funding_text(", self.funding(d - 1, cols), ", ", sql_str(self.pick(UNITS_ANY)), ")")
        else:
            e = Seq("(", self.funding(d - 1, cols), ")::text")
        return Alt(e, simple)

    def jsonb(self, d, cols):
        return Alt(Seq("(", self.funding(d - 1, cols), ")::jsonb"), "'{}'::jsonb")

    def boolean(self, d, cols):
        op = self.pick(["=", "<>", "<", "<=", ">", ">="])
        return Alt(Seq("(", self.funding(d - 1, cols), " ", op, " ", self.funding(d - 1, cols), ")"), "true")

    def any_scalar(self, d, cols):
        k = self.rng.random()
        if k < 0.4:
            return self.funding(d, cols)
        if k < 0.6:
            return self.bigint(d, cols)
        if k < 0.75:
            return self.numeric(d, cols)
        if k < 0.85:
            return self.text(d, cols)
        if k < 0.92:
            return self.jsonb(d, cols)
        return self.boolean(d, cols)

    # -- row sources -----------------------------------------------------
    FCOLS = {"funding": ["f"], "bigint": ["i::bigint"], "numeric": ["w"]}

    def series_funding(self):
        """A funding expression in terms of i, for generate_series sources."""
        rng = self.rng
        m1, m2 = rng.choice([1, 7919, 104729, 1000003]), rng.choice([1, 13, 7919, 99991])
        s1 = self.pick([1, 100, 10**4, 10**8, 10**12, 2**40])
        k = rng.random()
        if k < 0.5:
            e = "funding(((i::bigint * %d) %% 100003 - 50000) * '%d'::bigint, ((i::bigint * %d) %% 99991) * '%d'::bigint)" % (
                m1, s1, m2, self.pick([1, 10**4, 10**8]))
        elif k < 0.75:
            big = self.pick([2**62 - 1, INT64_MAX, 2**61, 10**18])
            e = "funding(CASE WHEN i %% 2 = 0 THEN '%d'::bigint - i ELSE -'%d'::bigint + i END, " \
                "CASE WHEN i %% 3 = 0 THEN '%d'::bigint - i ELSE i END)" % (big, big, self.pick([0, 2**62 - 1, 10**17]))
        else:
            e = "(%s::funding * (i %% %d))" % (sql_str(self.funding_text()), rng.randint(1, 50))
        if self.chance(0.3):
            e = "CASE WHEN i %% %d = 0 THEN NULL ELSE %s END" % (rng.randint(2, 20), e)
        return Alt(e, "funding(i, i)")

    def source(self, alias="s", allow_tables=True):
        """A FROM item with columns i (int), g (int), f (funding), w (numeric)."""
        rng = self.rng
        if allow_tables and self.chance(0.4):
            t = self.pick(["sqlfuzz.small", "sqlfuzz.edge", "sqlfuzz.small", "sqlfuzz.mixed"])
            return Alt(t + " " + alias, "(SELECT 1 AS i, 1 AS g, '(1,2)'::funding AS f, 1::numeric AS w) " + alias)
        n = Num(self.pick([1, 2, 10, 100, 1000, 5000, 20000]), lo=1)
        k = rng.randint(1, 20)
        return Seq("(SELECT i, i %% %d AS g, " % k, self.series_funding(), " AS f, ",
                   self.weight_expr("i"), " AS w FROM generate_series(1, ", n, ") i) " + alias)

    def weight_expr(self, i):
        rng = self.rng
        k = rng.random()
        if k < 0.25:
            e = "((%s * 7919) %% 1009)::numeric" % i
        elif k < 0.4:
            e = "((%s %% 7)::numeric / 10::numeric ^ (%s %% %d))" % (i, i, rng.randint(1, 20))
        elif k < 0.5:
            e = "CASE WHEN %s %% %d = 0 THEN NULL ELSE (%s %% 11)::numeric END" % (i, rng.randint(1, 9), i)
        elif k < 0.58:
            e = "%s::numeric * (%s %% 5)" % (sql_str(self.pick(["1e-16000", "1e16000", "9e131071", "1e-30",
                                                                "0.1", "1e18", "1e20"])), i)
        elif k < 0.63:
            e = "(%s %% 13 - %d)::numeric" % (i, rng.randint(0, 3))
        elif k < 0.68:
            e = "0::numeric"
        elif k < 0.75:
            e = "(%s::numeric / %d)" % (i, rng.randint(1, 7))
        elif k < 0.82:
            e = "CASE WHEN %s %% 2 = 0 THEN %s::numeric ELSE %s %% 3 END" % (
                i, sql_str(self.pick(["1e-16000", "0.000001", "1e16000", "0.5"])), i)
        elif k < 0.88:
            e = "%s::numeric" % sql_str(self.numeric_text())
        else:
            e = "((%s * 2654435761) %% 4294967296)::numeric * %s::numeric" % (
                i, sql_str(self.pick(["1", "1000000", "0.001", "123456789012"])))
        return Alt(e, "1::numeric")


# ---------------------------------------------------------------------------
# Statement kinds
# ---------------------------------------------------------------------------

def plan_sets(g, kind):
    """Random planner / display settings for a statement."""
    sets = []
    rng = g.rng
    if kind in ("agg", "distinct", "window", "apportion", "order") and g.chance(0.5):
        sets.append("SET enable_hashagg = %s;" % g.pick(["off", "on"]))
    if kind in ("agg", "distinct", "window", "order") and g.chance(0.4):
        sets.append("SET enable_sort = off;")
    if kind == "join":
        for s in ("enable_hashjoin", "enable_mergejoin", "enable_nestloop"):
            if g.chance(0.5):
                sets.append("SET %s = off;" % s)
    if g.chance(0.35):
        sets += ["SET parallel_setup_cost = 0;", "SET parallel_tuple_cost = 0;",
                 "SET min_parallel_table_scan_size = 0;",
                 "SET max_parallel_workers_per_gather = %d;" % rng.randint(1, 4),
                 "SET %s = on;" % FORCE_PARALLEL_GUC]
    if g.chance(0.15):
        sets.append("SET work_mem = '64kB';")
    if g.chance(0.2):
        sets.append("SET regionpolicy.display_unit = %s;" % sql_str(g.pick(DISPLAY_UNITS)))
    return sets


def st_scalar(g):
    items = [g.any_scalar(g.depth, {}) for _ in range(g.rng.randint(1, 5))]
    return Seq("SELECT ", Lst(items), ";")


def st_roundtrip(g):
    f = g.funding(g.depth, {})
    unit = sql_str(g.pick(["억", "원", "korean"]))
    checks = Lst([
        Seq("fz_check(((x)::jsonb)::funding IS NOT DISTINCT FROM x, 'jsonb round trip')"),
        Seq("fz_check((x)::text::funding IS NOT DISTINCT FROM x, 'text round trip')"),
        Seq("fz_check(funding_text(x, %s)::funding IS NOT DISTINCT FROM x, 'funding_text round trip')" % unit),
        Seq("fz_check(funding(regionpolicy.national(x), \"local\"(x)) IS NOT DISTINCT FROM x, 'components')"),
        Seq("fz_check(total(x) = regionpolicy.national(x) + \"local\"(x), 'total')"),
        Seq("fz_check(x - x = '(0,0)'::funding, 'x - x = 0')"),
        Seq("fz_check(-(-x) = x, 'double negation')"),
    ])
    return Seq("SELECT ", checks, " FROM (SELECT ", f, " AS x) v;")


def st_agg(g):
    src = g.source()
    aggs = Lst([Alt(a, "count(*)") for a in
                ["sum(f)", "avg(f)", "min(f)", "max(f)", "count(DISTINCT f)",
                 "fz_check(sum(f) IS NOT DISTINCT FROM funding((sum(regionpolicy.national(f)))::bigint, "
                 "(sum(\"local\"(f)))::bigint), 'sum = componentwise numeric sum')",
                 "fz_check(avg(f) IS NOT DISTINCT FROM funding(hround(sum(regionpolicy.national(f)), count(f)), "
                 "hround(sum(\"local\"(f)), count(f))), 'avg = componentwise rounded mean')",
                 "fz_check(min(f) IS NOT DISTINCT FROM (array_agg(f ORDER BY f) FILTER (WHERE f IS NOT NULL))[1], 'min')"]
                if g.chance(0.7)] or ["sum(f)"])
    k = g.rng.random()
    if k < 0.3:
        return Seq("SELECT ", aggs, " FROM ", src, ";")
    if k < 0.8:
        return Seq("SELECT count(*) FROM (SELECT g, ", aggs, " FROM ", src, " GROUP BY g) x;")
    # grouping by the funding value itself
    return Seq("SELECT count(*), ", Alt("sum(c)", "1"), " FROM (SELECT f, count(*) AS c FROM ", src,
               " GROUP BY f) x;")


def st_window(g):
    src = g.source()
    k = g.rng.randint(0, 10)
    frame = g.pick(["ROWS BETWEEN %d PRECEDING AND CURRENT ROW" % k,
                    "ROWS BETWEEN %d PRECEDING AND %d FOLLOWING" % (k, g.rng.randint(0, 3)),
                    "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
                    "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING",
                    "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"])
    part = g.pick(["PARTITION BY g ", "", "PARTITION BY g % 2 "])
    w = "(%sORDER BY i %s)" % (part, frame)
    cols = Lst([
        Alt("sum(f) OVER %s AS s" % w, "1 AS s"),
        Alt("avg(f) OVER %s AS a" % w, "1 AS a"),
        Alt("sum(regionpolicy.national(f)) OVER %s AS sn" % w, "1 AS sn"),
        Alt("sum(\"local\"(f)) OVER %s AS sl" % w, "1 AS sl"),
        Alt("count(f) OVER %s AS c" % w, "1 AS c"),
    ], min=5)
    checks = Lst([
        Alt("fz_check(bool_and(s IS NOT DISTINCT FROM funding(sn::bigint, sl::bigint)), 'moving sum')", "1"),
        Alt("fz_check(bool_and(a IS NOT DISTINCT FROM funding(hround(sn, c), hround(sl, c))), 'moving avg')", "1"),
        Alt("count(s)", "1"), Alt("max(s)", "1"), Alt("min(a)", "1"),
    ])
    return Seq("SELECT ", checks, " FROM (SELECT ", cols, " FROM ", src, ") x;")


def pool_value(g, unit):
    v = g.int_value()
    if g.chance(0.7) and unit:
        v = (v // unit) * unit
    return max(INT64_MIN, min(INT64_MAX, v))


def st_apportion(g):
    rng = g.rng
    funding_pool = g.chance(0.4)
    unit = g.pick([None, None, 1, 10, 1000, 10**8, 7, 0, -5, "NULL"])
    u = unit if isinstance(unit, int) and unit > 0 else 1

    def pool():
        if funding_pool:
            a, b = pool_value(g, u), pool_value(g, u)
            if g.chance(0.5):
                a, b = a // 2 // u * u, b // 2 // u * u
            return "funding('%d'::bigint, '%d'::bigint)" % (a, b)
        return "'%d'::bigint" % pool_value(g, u)

    nparts = rng.randint(1, 4)
    arms = []
    for p in range(nparts):
        n = Num(g.pick([1, 2, 3, 10, 100, 300, 1000]), lo=1)
        w = g.weight_expr("i")
        if g.chance(0.35):
            # partitions that are mostly or partly NULL weights
            cond = g.pick(["i = 1", "i %% %d <> 0" % rng.randint(2, 5), "i %% %d = 0" % rng.randint(2, 50), "false"])
            w = Alt(Seq("CASE WHEN %s THEN " % cond, w, " END"), w)
        arms.append(Seq("SELECT %d AS p, i, " % p, w, " AS w FROM generate_series(1, ", n, ") i"))
    rows = Lst(arms, sep=" UNION ALL ")
    pools = [pool() for _ in range(nparts)]
    if nparts == 1 or g.chance(0.5):
        pool_expr = Alt(pools[0], "'0'::bigint" if not funding_pool else "funding(0, 0)")
    else:
        pool_expr = Alt(Seq("CASE ", Lst(["WHEN p = %d THEN %s" % (i, pl) for i, pl in enumerate(pools)], sep=" "),
                            " END"), pools[0])
    if g.chance(0.03):
        pool_expr = Alt("CASE WHEN i = 1 THEN %s ELSE %s END" % (pools[0], pool()), pools[0])
    args = [pool_expr, ", w"]
    if unit is not None:
        args += [", '%s'::bigint" % unit if unit != "NULL" else ", NULL::bigint"]
    order = g.pick(["", "ORDER BY i", "ORDER BY w DESC, i", "ORDER BY i DESC"])
    part = g.pick(["PARTITION BY p", "PARTITION BY p", "PARTITION BY p, i % 2"])
    inner = Seq("SELECT p, i % 2 AS q, w, ", pool_expr, " AS pool, apportion(", Seq(*args),
                ") OVER (%s %s) AS a FROM (" % (part, order), rows, ") s")
    if "i % 2" in part:
        grp = "p, q, pool"
    else:
        grp = "p, pool"
    return Seq("SELECT fz_check(bool_and(sa IS NULL OR sa = pool), 'apportion shares add up to the pool'), "
               "count(*) FROM (SELECT %s, sum(a) AS sa FROM (" % grp, inner, ") x GROUP BY %s) y;" % grp)


def st_distinct(g):
    src = g.source()
    src2 = copy.deepcopy(src)
    k = g.rng.random()
    if k < 0.5:
        return Seq("SELECT fz_check((SELECT count(*) FROM (SELECT DISTINCT f FROM ", src, ") a) = "
                   "(SELECT count(*) FROM (SELECT DISTINCT regionpolicy.national(f), \"local\"(f) FROM ",
                   src2, ") b), 'DISTINCT agrees with components');")
    return Seq("SELECT count(*) FROM (SELECT f FROM ", src, " ", g.pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"]),
               " SELECT ", g.funding(1, {"funding": ["f"]}), " FROM ", src2, ") u;")


def st_order(g):
    src = g.source()
    return Seq("SELECT fz_check(bool_and(prev IS NULL OR f IS NULL OR "
               "(total(prev), regionpolicy.national(prev)) <= (total(f), regionpolicy.national(f))), 'ORDER BY f'), "
               "count(*) FROM (SELECT f, lag(f) OVER (ORDER BY f %s) AS prev FROM " % g.pick(["", "ASC", "NULLS FIRST"]),
               src, ") x;")


def st_join(g):
    a = g.source()
    b = g.source("t")
    return Seq("SELECT fz_check((SELECT count(*) FROM ", a, " JOIN ", b, " ON s.f = t.f) = "
               "(SELECT count(*) FROM ", copy.deepcopy(a), " JOIN ", copy.deepcopy(b),
               " ON regionpolicy.national(s.f) = regionpolicy.national(t.f) AND \"local\"(s.f) = \"local\"(t.f)), "
               "'funding join agrees with component join');")


def st_sortedexpr(g):
    """Expressions over a row source: arithmetic on columns, ORDER BY, LIMIT."""
    src = g.source()
    items = Lst([g.any_scalar(2, Gen.FCOLS) for _ in range(g.rng.randint(1, 4))])
    return Seq("SELECT count(*) FROM (SELECT ", items, " FROM ", src, " ORDER BY f ", g.pick(["", "DESC"]),
               " LIMIT 50) x;")


KINDS = [("scalar", st_scalar, 20), ("roundtrip", st_roundtrip, 12), ("agg", st_agg, 14),
         ("window", st_window, 10), ("apportion", st_apportion, 18), ("distinct", st_distinct, 7),
         ("order", st_order, 5), ("join", st_join, 6), ("expr", st_sortedexpr, 8)]

FORCE_PARALLEL_GUC = "force_parallel_mode"


def generate(seed, n, depth=3):
    rng = random.Random("%s:%d" % (seed, n))
    g = Gen(rng, depth)
    kinds = [k for k in KINDS for _ in range(k[2])]
    name, fn, _ = rng.choice(kinds)
    stmt = fn(g)
    sets = plan_sets(g, name)
    return name, Seq(Lst(sets, sep="\n", min=0), "\n" if sets else "", stmt)


# ---------------------------------------------------------------------------
# Running statements through psql
# ---------------------------------------------------------------------------

CRASH_RE = re.compile(r"server closed the connection|terminating connection|connection to server was lost|"
                      r"no connection to the server|could not receive data from server|"
                      r"the database system is in recovery mode")
ERROR_RE = re.compile(r"\b(ERROR|FATAL|PANIC):\s+([0-9A-Z]{5}):\s*(.*)")

SETUP_SQL = r"""
CREATE EXTENSION IF NOT EXISTS regionpolicy CASCADE;
DROP SCHEMA IF EXISTS sqlfuzz CASCADE;
CREATE SCHEMA sqlfuzz;
SET search_path = regionpolicy, sqlfuzz, public;
CREATE FUNCTION sqlfuzz.fz_check(ok boolean, what text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $f$
BEGIN
	IF ok IS FALSE THEN
		RAISE EXCEPTION 'sqlfuzz oracle failed: %', what USING ERRCODE = 'FZ001';
	END IF;
	RETURN true;
END $f$;
-- s / c rounded half away from zero, exactly
CREATE FUNCTION sqlfuzz.hround(s numeric, c bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$f$ SELECT CASE WHEN c = 0 THEN NULL ELSE (sign(s) * div(abs(s) * 2 + c, 2 * c))::bigint END $f$;
CREATE TABLE sqlfuzz.small AS
	SELECT i, i % 7 AS g,
	       CASE WHEN i % 17 = 0 THEN NULL ELSE
	       funding((((i * 7919) % 100003) - 50000) * 1000000::bigint, ((i * 104729) % 99991) * 10000::bigint) END AS f,
	       ((i * 7919) % 1009)::numeric / 10::numeric ^ (i % 4) AS w
	FROM generate_series(1, 5000) i;
CREATE TABLE sqlfuzz.edge AS
	SELECT i, i % 5 AS g,
	       CASE i % 4
	         WHEN 0 THEN funding(4611686018427387903 - i, 4611686018427387903 - 2 * i)
	         WHEN 1 THEN funding(-4611686018427387904 + i, -4611686018427387904 + i)
	         WHEN 2 THEN funding(9223372036854775807 - i, -i)
	         ELSE funding(-9223372036854775807 + i, 0) END AS f,
	       (i % 3)::numeric AS w
	FROM generate_series(1, 3000) i;
CREATE TABLE sqlfuzz.mixed AS
	SELECT * FROM sqlfuzz.small WHERE i <= 1500 UNION ALL SELECT i + 5000, g, f, w FROM sqlfuzz.edge WHERE i <= 1500;
ANALYZE sqlfuzz.small, sqlfuzz.edge, sqlfuzz.mixed;
"""

HEADER = ["RESET ALL;", "SET search_path = regionpolicy, sqlfuzz, public;"]


class Outcome:
    def __init__(self, kind, sqlstate=None, message="", elapsed=0.0):
        self.kind = kind            # ok | error | crash | hang
        self.sqlstate = sqlstate
        self.message = message
        self.elapsed = elapsed

    def failure(self):
        if self.kind in ("crash", "hang"):
            return True
        return self.kind == "error" and (self.sqlstate in ("XX000", "XX001", "XX002", "FZ001")
                                         or self.sqlstate.startswith("XX"))

    def signature(self):
        if self.kind == "error":
            msg = re.sub(r"\d+", "N", self.message)[:80]
            return "%s %s" % (self.sqlstate, msg)
        return self.kind

    def same_failure(self, other):
        if self.kind != other.kind:
            return False
        if self.kind == "error":
            return self.sqlstate == other.sqlstate
        return True


class Session:
    def __init__(self, args, log):
        self.args = args
        self.log = log
        self.proc = None
        self.pid = None
        self.counter = 0
        self.version = 0

    def start(self, wait=60.0):
        deadline = time.time() + wait
        while True:
            self._spawn()
            out = self._roundtrip("SELECT pg_backend_pid() AS pid, current_setting('server_version_num') AS v \\gset\n"
                                  "\\warn @@PID :pid :v\n", 30.0, want_pid=True)
            if out is not None:
                return
            self.close()
            if time.time() > deadline:
                raise RuntimeError("cannot connect to the server")
            time.sleep(0.5)

    def _spawn(self):
        self.proc = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=0", "-v", "VERBOSITY=verbose",
                                      "-o", "/dev/null"],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     bufsize=0)
        self.lines = queue.Queue()
        proc = self.proc

        def reader():
            for raw in iter(proc.stderr.readline, b""):
                self.lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
            self.lines.put(None)
        threading.Thread(target=reader, daemon=True).start()

    def close(self):
        if self.proc:
            try:
                self.proc.stdin.close()
            except Exception:
                pass
            try:
                self.proc.wait(timeout=5)
            except Exception:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def _send(self, text):
        try:
            self.proc.stdin.write(text.encode("utf-8"))
            return True
        except (BrokenPipeError, OSError):
            return False

    def _roundtrip(self, text, limit, want_pid=False):
        """Send text ending in a marker; return collected lines or None on EOF/timeout."""
        if not self._send(text):
            return None
        got = []
        end = time.time() + limit
        while True:
            try:
                line = self.lines.get(timeout=max(0.05, end - time.time()))
            except queue.Empty:
                return None
            if line is None:
                return None
            if line.startswith("@@PID "):
                parts = line.split()
                try:
                    self.pid, self.version = int(parts[1]), int(parts[2])
                except (IndexError, ValueError):
                    return None
                return got
            if line.startswith("@@END"):
                return got
            got.append(line)

    def run(self, sql, timeout_ms, slack):
        """Run sql (which may be several statements); classify the outcome."""
        self.counter += 1
        marker = "@@END %d" % self.counter
        text = sql.rstrip() + "\n\\warn " + marker + "\n"
        t0 = time.time()
        if not self._send(text):
            return Outcome("crash", message="psql has gone away")
        limit = timeout_ms / 1000.0 + slack
        got = []
        while True:
            remaining = t0 + limit - time.time()
            try:
                line = self.lines.get(timeout=max(0.01, remaining))
            except queue.Empty:
                elapsed = time.time() - t0
                self.kill_backend()
                return Outcome("hang", message="still running after %.1fs (timeout %dms + slack %ss); backend %s killed"
                               % (elapsed, timeout_ms, slack, self.pid), elapsed=elapsed)
            if line is None:
                return Outcome("crash", message=self._crash_text(got), elapsed=time.time() - t0)
            if line == marker:
                break
            got.append(line)
        elapsed = time.time() - t0
        text = "\n".join(got)
        if CRASH_RE.search(text):
            return Outcome("crash", message=self._crash_text(got), elapsed=elapsed)
        first = None
        for line in got:
            m = ERROR_RE.search(line)
            if m:
                if first is None or m.group(2).startswith("XX") or m.group(2) == "FZ001":
                    first = m
                    if m.group(2).startswith("XX") or m.group(2) == "FZ001":
                        break
        if first:
            return Outcome("error", first.group(2), first.group(3), elapsed)
        return Outcome("ok", elapsed=elapsed)

    def _crash_text(self, got):
        lines = [l for l in got if l.strip()]
        return " | ".join(lines[-4:]) or "connection lost"

    def kill_backend(self):
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            except PermissionError as e:
                self.log("# cannot kill -9 backend %d: %s" % (self.pid, e))
        self.close()


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def main():
    global FORCE_PARALLEL_GUC
    ap = argparse.ArgumentParser(description="SQL-level fuzzer for regionpolicy")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--timeout-ms", type=int, default=2000)
    ap.add_argument("--slack", type=float, default=5)
    ap.add_argument("--reduce-seconds", type=float, default=240,
                    help="time budget for reducing each distinct failure (default 240)")
    ap.add_argument("--max-failures", type=int, default=5,
                    help="stop after this many distinct failures (default 5)")
    ap.add_argument("--out", default=".", help="directory for sqlfuzz-repro-*.sql files")
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--print", type=int, metavar="N", help="print statement N of the seed and exit")
    ap.add_argument("--replay", metavar="FILE",
                    help="run the SQL of FILE (e.g. a reproduction) with the same crash/hang detection")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = int(time.time() * 1000) % 1000000007
    print("# sqlfuzz seed=%d seconds=%g timeout_ms=%d slack=%g" % (args.seed, args.seconds, args.timeout_ms, args.slack),
          flush=True)

    if args.print is not None:
        name, tree = generate(args.seed, args.print, args.depth)
        print("-- %s\n%s" % (name, tree.render()))
        return 0

    def log(msg):
        print(msg, flush=True)

    sess = Session(args, log)
    sess.start()
    if args.replay:
        with open(args.replay) as fh:
            sql = fh.read()
        out = sess.run(sql, args.timeout_ms, args.slack)
        if out.kind in ("crash", "hang"):
            sess.close()
        else:
            sess.close()
        ok = not out.failure()
        print("%s 1 - replay %s: %s %s %s" % ("ok" if ok else "not ok", args.replay, out.kind,
                                            out.sqlstate or "", out.message[:300]))
        return 0 if ok else 1
    if sess.version >= 160000:
        FORCE_PARALLEL_GUC = "debug_parallel_query"
    setup = sess.run(SETUP_SQL, 120000, 60)
    if setup.kind != "ok":
        log("# setup failed: %s %s %s" % (setup.kind, setup.sqlstate, setup.message))
        print("not ok 1 - sqlfuzz seed=%d setup failed" % args.seed)
        return 2

    tally = {}
    kinds = {}
    failures = []          # (signature, outcome, tree, reduced_sql, file)
    seen = set()
    slowest = (0.0, None)
    t_start = time.time()
    n = 0
    prefix = "\n".join(HEADER) + "\n"
    history = []

    def full_sql(tree):
        # header, the statement's own SET lines, then the timeout, then the statement.
        return prefix + render_with_timeout(tree, args.timeout_ms)

    def ensure_session():
        if sess.proc is None or sess.proc.poll() is not None:
            sess.close()
            sess.start(wait=120)

    reducing = 0.0          # time spent reducing; not counted against --seconds
    while time.time() - t_start - reducing < args.seconds and len(failures) < args.max_failures:
        name, tree = generate(args.seed, n, args.depth)
        n += 1
        if sess.proc is None or sess.proc.poll() is not None:
            history = []
        ensure_session()
        sql = full_sql(tree)
        history.append(n - 1)
        out = sess.run(sql, args.timeout_ms, args.slack)
        kinds[name] = kinds.get(name, 0) + 1
        key = out.kind if out.kind != "error" else out.sqlstate
        tally[key] = tally.get(key, 0) + 1
        if out.elapsed > slowest[0] and out.kind != "hang":
            slowest = (out.elapsed, n - 1)
        if args.verbose:
            log("# %d %s %s %.3fs %s" % (n - 1, name, key, out.elapsed, out.message[:100]))
        if out.kind in ("crash", "hang"):
            sess.close()
        if not out.failure():
            continue
        sig = out.signature() + " in " + name
        log("# FAILURE at statement %d (%s): %s %s" % (n - 1, name, out.kind, out.message[:300]))
        if sig in seen:
            log("#   (same as an earlier failure)")
            continue
        seen.add(sig)
        path = os.path.join(args.out, "sqlfuzz-repro-%d-%d.sql" % (args.seed, n - 1))
        with open(path, "w") as fh:
            fh.write("-- sqlfuzz seed=%d statement=%d kind=%s\n-- outcome: %s %s %s\n%s\n"
                     % (args.seed, n - 1, name, out.kind, out.sqlstate or "", out.message, sql))
        log("#   reproduction written to %s" % path)
        prior = [generate(args.seed, k, args.depth)[1] for k in history[-61:-1]]
        t_red = time.time()
        reduced = reduce(sess, tree, prior, out, args, ensure_session, log)
        reducing += time.time() - t_red
        rsql = "\n".join(prefix + render_with_timeout(t, args.timeout_ms) for t in reduced.items)
        history = []
        rpath = path.replace(".sql", "-reduced.sql")
        with open(rpath, "w") as fh:
            fh.write("-- sqlfuzz seed=%d statement=%d, reduced\n-- outcome: %s %s %s\n%s\n"
                     % (args.seed, n - 1, out.kind, out.sqlstate or "", out.message, rsql))
        log("#   reduced reproduction (%s):" % rpath)
        for line in rsql.splitlines():
            log("#     " + line)
        failures.append((sig, out, path, rpath, rsql))

    elapsed = time.time() - t_start
    ensure_session()
    sess.close()
    log("# reducing took %.1fs (not counted in --seconds)" % reducing)
    elapsed -= reducing
    log("# statements=%d in %.1fs (%.0f/s); slowest non-hanging statement %.2fs (#%s)"
        % (n, elapsed, n / max(elapsed, 0.001), slowest[0], slowest[1]))
    log("# by kind: " + ", ".join("%s=%d" % kv for kv in sorted(kinds.items())))
    log("# outcomes by SQLSTATE:")
    for k, v in sorted(tally.items(), key=lambda kv: -kv[1]):
        log("#   %-8s %d" % (k, v))
    if failures:
        print("not ok 1 - sqlfuzz seed=%d statements=%d failures=%d" % (args.seed, n, len(failures)))
        for sig, out, path, rpath, rsql in failures:
            print("#   %s: %s" % (out.kind, sig))
            print("#     full: %s" % path)
            print("#     reduced: %s" % rpath)
        return 1
    print("ok 1 - sqlfuzz seed=%d statements=%d" % (args.seed, n))
    return 0


def render_with_timeout(tree, timeout_ms):
    """The statement's SET lines, SET statement_timeout, then the statement."""
    sets, nl, stmt = tree.parts
    lines = sets.render()
    return (lines + "\n" if lines else "") + "SET statement_timeout = %d;\n" % timeout_ms + stmt.render()


def reduce(sess, tree, prior, orig, args, ensure_session, log):
    """Greedy delta debugging while the failure persists.  The reproduction is
    a script: the failing statement alone if that reproduces, else it with the
    statements the session ran before it (a failure that depends on what the
    backend did earlier, such as a read of uninitialised memory), which the
    reducer then drops where it can.  Returns a Lst of statement trees."""
    deadline = time.time() + args.reduce_seconds
    prefix = "\n".join(HEADER) + "\n"
    tries = 0
    attempts = 3 if orig.kind in ("hang", "crash") else 1

    def run_script(script):
        out = None
        for t in script.items:
            ensure_session()
            out = sess.run(prefix + render_with_timeout(t, args.timeout_ms), args.timeout_ms, args.slack)
            if out.kind in ("crash", "hang"):
                sess.close()
            if out.failure():
                return out
        return out

    def fails(script):
        nonlocal tries
        for _ in range(attempts):
            tries += 1
            out = run_script(script)
            if out is not None and out.same_failure(orig) and out.failure():
                return True
            if time.time() > deadline:
                break
        return False

    best = Lst([tree], sep="\n", min=1)
    if not fails(best):
        with_history = Lst(prior + [tree], sep="\n", min=1)
        if prior and fails(with_history):
            log("#   reproduces only after the %d statements before it; reducing the script" % len(prior))
            best = with_history
        else:
            log("#   (did not reproduce on a second run; not reduced)")
            return best
    start_len = len(best.render())
    progress = True
    while progress and time.time() < deadline:
        progress = False
        sites = edit_sites(best)
        i = 0
        while i < len(sites) and time.time() < deadline:
            cand = apply_edit(best, sites[i])
            if cand.render() != best.render() and fails(cand):
                best = cand
                progress = True
                sites = edit_sites(best)
                continue
            i += 1
    log("#   reduction: %d runs, %d -> %d characters%s" % (tries, start_len, len(best.render()),
                                                       "" if time.time() < deadline else " (time budget hit)"))
    return best


if __name__ == "__main__":
    sys.exit(main())
