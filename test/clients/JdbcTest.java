// pgjdbc (libpostgresql-jdbc-java): plain numbers from allocation_report, a
// funding column as text, a funding value written from a string parameter,
// and binary transfer of funding (binaryTransferEnable with the type's OID).
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.*;

public class JdbcTest {
	static int n = 0;

	static void ok(boolean cond, String name) {
		n++;
		System.out.println((cond ? "ok " : "not ok ") + n + " - " + name);
	}

	static String url(String extra) {
		String host = System.getenv().getOrDefault("PGHOST", "localhost");
		if (host.startsWith("/"))
			host = "localhost";	// sockets need a TCP listener for JDBC; see run
		return "jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("PGPORT", "5432") + "/"
			+ System.getenv("PGDATABASE") + "?user=" + System.getenv().getOrDefault("PGUSER", "postgres")
			+ (System.getenv("PGPASSWORD") != null ? "&password=" + System.getenv("PGPASSWORD") : "") + extra;
	}

	public static void main(String[] args) throws Exception {
		System.out.println("1..7");
		try (Connection c = DriverManager.getConnection(url(""))) {
			try (Statement s = c.createStatement();
				 ResultSet r = s.executeQuery("SELECT national, local, total, national_eok, total_eok FROM regionpolicy.allocation_report WHERE allocation_id = 1")) {
				r.next();
				ok(r.getLong(1) == 92900000000L && r.getLong(2) == 43300000000L && r.getLong(3) == 136200000000L,
				   "allocation_report: bigint columns as long");
				ok(r.getBigDecimal(4).compareTo(new BigDecimal("929")) == 0 && r.getBigDecimal(5).compareTo(new BigDecimal("1362")) == 0,
				   "allocation_report: numeric 억원 columns as BigDecimal");
			}
			try (Statement s = c.createStatement()) {
				s.execute("SET regionpolicy.display_unit = '원'");
				try (ResultSet r = s.executeQuery("SELECT amount FROM regionpolicy.allocation WHERE id = 3")) {
					r.next();
					String[] parts = r.getString(1).replaceAll("[()]", "").split(",");
					ok(Long.parseLong(parts[0]) == Long.MAX_VALUE && Long.parseLong(parts[1]) == Long.MIN_VALUE
					   && Long.parseLong(parts[2]) == -1, "a funding column read as text and parsed: " + r.getString(1));
				}
			}
			try (PreparedStatement p = c.prepareStatement("INSERT INTO public.client_write (amount) VALUES (?::regionpolicy.funding) RETURNING regionpolicy.total(amount)")) {
				p.setString(1, "국비 929억원, 지방비 433억원");
				try (ResultSet r = p.executeQuery()) {
					r.next();
					ok(r.getLong(1) == 136200000000L, "a funding value written from a string parameter");
				}
			}
			try (PreparedStatement p = c.prepareStatement("INSERT INTO public.client_write (amount) VALUES (?::regionpolicy.funding)")) {
				p.setString(1, "(0.5원,0)");
				p.execute();
				ok(false, "a fraction of a won raises");
			} catch (SQLException e) {
				ok("22P02".equals(e.getSQLState()), "a fraction of a won raises 22P02 through the driver");
			}
			long oid;
			try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 'regionpolicy.funding'::regtype::oid")) {
				r.next();
				oid = r.getLong(1);
			}
			// Binary transfer: the driver asks for funding in binary and hands over its 16 bytes.
			try (Connection b = DriverManager.getConnection(url("&prepareThreshold=-1&binaryTransferEnable=" + oid));
				 PreparedStatement p = b.prepareStatement("SELECT amount FROM regionpolicy.allocation WHERE id = ?")) {
				p.setInt(1, 3);
				try (ResultSet r = p.executeQuery()) {
					r.next();
					ByteBuffer bb = ByteBuffer.wrap(r.getBytes(1));
					ok(bb.remaining() == 16 && bb.getLong() == Long.MAX_VALUE && bb.getLong() == Long.MIN_VALUE,
					   "binary transfer: 16 bytes, two big-endian int64");
				}
				p.setInt(1, 1);
				try (ResultSet r = p.executeQuery()) {
					r.next();
					ByteBuffer bb = ByteBuffer.wrap(r.getBytes(1));
					ok(bb.getLong() == 92900000000L && bb.getLong() == 43300000000L, "binary transfer of 929억 + 433억");
				}
			}
		}
	}
}
