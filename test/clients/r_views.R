# R reads every report view (DBI + RPostgreSQL, Debian's packages): each
# column's R type as doc/regionpolicy.md ("BI tools and spreadsheets") says,
# every won total equal to the database's, Korean intact; then a ggplot2
# stacked bar of 국비, 지방비 and 기타 by province from region_totals_long as it
# is, in statistics order with 국비 at the bottom (the two factor() lines
# the doc gives), checked from the built plot.  TAP on stdout.
#   Rscript r_views.R            (libpq's PG* variables name the database)
suppressPackageStartupMessages({ library(DBI); library(RPostgreSQL); library(ggplot2) })
n <- 0; failed <- 0
ok <- function(cond, what) {
  n <<- n + 1
  if (isTRUE(cond)) cat(sprintf("ok %d - %s\n", n, what))
  else { cat(sprintf("not ok %d - %s\n", n, what)); failed <<- failed + 1 }
}
Sys.unsetenv("PGCLIENTENCODING")
con <- dbConnect(PostgreSQL())
invisible(dbExecute(con, "SET client_encoding TO 'UTF8'"))
invisible(dbExecute(con, "SET search_path = regionpolicy, public"))

views <- dbGetQuery(con, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace
                            AND c.relkind = 'v' AND c.relname NOT IN ('allocation_entry', 'award_entry') ORDER BY 1")$relname
cols <- dbGetQuery(con, "SELECT c.relname, a.attname, format_type(a.atttypid, NULL) AS type FROM pg_class c
                           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'v'")
expected <- c("bigint" = "numeric", "numeric" = "numeric", "integer" = "integer", "smallint" = "integer",
              "text" = "character", "boolean" = "logical", "date" = "Date", "regionpolicy.funding" = "character")
for (v in views) {
  d <- dbGetQuery(con, sprintf("SELECT * FROM regionpolicy.%s", v))
  cv <- cols[cols$relname == v, ]
  wrong <- character(0)
  for (i in seq_len(nrow(cv))) {
    want <- expected[cv$type[i]]
    got <- class(d[[cv$attname[i]]])[1]
    if (!is.na(want) && got != want) wrong <- c(wrong, sprintf("%s (%s) is %s", cv$attname[i], cv$type[i], got))
  }
  ok(nrow(d) > 0 && length(wrong) == 0,
     sprintf("%s: %d rows, every column the documented R type%s", v, nrow(d),
             if (length(wrong)) paste0(": ", paste(wrong, collapse = "; ")) else ""))
  # every figure of every bigint column, to the won (below 2^53 a double is
  # exact), and the won columns' totals
  big <- cv$attname[cv$type == "bigint"]
  if (length(big) > 0 && nrow(d) > 0) {
    txt <- dbGetQuery(con, sprintf("SELECT %s FROM regionpolicy.%s",
                                   paste(sprintf("%s::text", dbQuoteIdentifier(con, big)), collapse = ", "), v))
    differ <- sum(vapply(seq_along(big), function(i) {
      r <- ifelse(is.na(d[[big[i]]]), NA_character_, sprintf("%.0f", d[[big[i]]]))
      sum(!((is.na(r) & is.na(txt[[i]])) | (!is.na(r) & !is.na(txt[[i]]) & r == txt[[i]])))
    }, numeric(1)))
    ok(differ == 0, sprintf("%s: every figure of its %d bigint columns is the database's, to the won (%d differ)",
                            v, length(big), differ))
  }
  for (w in intersect(c("national", "local", "total", "granted_total", "budgeted_total", "won"), names(d))) {
    if (!is.numeric(d[[w]])) next
    db <- dbGetQuery(con, sprintf("SELECT coalesce(sum(%s), 0)::text AS s FROM regionpolicy.%s", dbQuoteIdentifier(con, w), v))$s
    ok(sprintf("%.0f", sum(d[[w]], na.rm = TRUE)) == db, sprintf("%s.%s: the total is the database's, %s won", v, w, db))
  }
}

# Korean intact: the provinces' names as the database spells them
names_r <- dbGetQuery(con, "SELECT DISTINCT short_ko FROM regionpolicy.region_totals WHERE short_ko IS NOT NULL")$short_ko
names_db <- dbGetQuery(con, "SELECT string_agg(DISTINCT short_ko, ',' ORDER BY short_ko) AS s FROM regionpolicy.region_totals")$s
ok(identical(paste(sort(enc2utf8(names_r), method = "radix"), collapse = ","), enc2utf8(names_db)) &&
     all(Encoding(names_r) %in% c("UTF-8", "unknown")) && all(nchar(names_r) >= 2),
   sprintf("Korean arrives intact (%s)", names_db))

# The stacked bar, from region_totals_long as it is: one year and phase
# (the view holds all of them), provinces in statistics order, 국비 at the
# bottom.  The doc's two lines: factor() in the order the view gives.
d <- dbGetQuery(con, "SELECT * FROM regionpolicy.region_totals_long WHERE fiscal_year = 2024 AND phase = 'planned'")
d$short_ko <- factor(d$short_ko, levels = unique(d$short_ko))
d$part_ko <- factor(d$part_ko, levels = unique(d$part_ko))
p <- ggplot(d, aes(short_ko, eok, fill = part_ko)) +
  geom_col(position = position_stack(reverse = TRUE)) +
  labs(x = NULL, y = "억원", fill = NULL) + theme_grey(base_family = "NanumGothic")
png_file <- file.path(tempdir(), "region_totals_long.png")
ggsave(png_file, p, width = 8, height = 4.5, dpi = 100)
# (an empty 800×450 PNG is 1.5 kB, one bar with its axes 6 kB)
ok(file.exists(png_file) && file.size(png_file) > 4000, sprintf("ggsave draws the chart (%d bytes)", file.size(png_file)))
b <- ggplot_build(p)
axis <- b$layout$panel_params[[1]]$x$get_labels()
order_db <- dbGetQuery(con, "SELECT short_ko FROM regionpolicy.region_totals WHERE fiscal_year = 2024 AND phase = 'planned'
                              ORDER BY sort_order")$short_ko
ok(identical(enc2utf8(as.character(axis)), enc2utf8(order_db)),
   sprintf("the bars are in statistics order: %s", paste(axis, collapse = " ")))
fs <- b$plot$scales$get_scales("fill"); br <- as.vector(fs$get_breaks())
ld <- b$data[[1]]; ld <- ld[order(ld$x, ld$ymin), ]
bottom <- setNames(br, fs$map(br))[ld$fill[!duplicated(ld$x)]]
ok(all(bottom == "\uad6d\ube44") && identical(enc2utf8(br), c("\uad6d\ube44", "\uc9c0\ubc29\ube44", "\uae30\ud0c0")),
   "국비 at the bottom of every bar, 국비, 지방비 then 기타 in the legend")
heights <- tapply(ld$ymax, ld$x, max)
tot_db <- dbGetQuery(con, "SELECT (total_eok + other_eok)::float8 AS t FROM regionpolicy.region_totals WHERE fiscal_year = 2024 AND phase = 'planned' ORDER BY sort_order")$t
ok(isTRUE(all.equal(as.vector(heights), tot_db)), "each bar is as tall as the province's total and other money")
invisible(dbDisconnect(con))
cat(sprintf("1..%d\n# %s, RPostgreSQL %s, ggplot2 %s\n", n, R.version.string,
            as.character(packageVersion("RPostgreSQL")), as.character(packageVersion("ggplot2"))))
quit(status = if (failed > 0) 1 else 0)
