package profcon.report;
public class ReportException extends Exception { public ReportException(String m) { super(m); } }
