package org.triplehelix.insight.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The briefing as a workbook: the headline table with a chart of the year against its targets, the trends with a chart, the prefectures. */
final class BriefingXlsx {

    private BriefingXlsx() {
    }

    static byte[] write(Briefing briefing) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            headlines(workbook.createSheet(sheetName(briefing, "insight.briefing.headline")), briefing, bold);
            trends(workbook.createSheet(sheetName(briefing, "insight.trend")), briefing, bold);
            prefectures(workbook.createSheet(sheetName(briefing, "insight.briefing.prefectures")), briefing, bold);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(Briefing briefing, String key) {
        return switch (key) {
            case "insight.briefing.headline" -> briefing.locale().getLanguage().equals("en") ? "Headline" : "主要指标";
            case "insight.trend" -> briefing.locale().getLanguage().equals("en") ? "Trends" : "逐年趋势";
            default -> briefing.locale().getLanguage().equals("en") ? "Prefectures" : "分市州";
        };
    }

    private static void headlines(XSSFSheet sheet, Briefing briefing, CellStyle bold) {
        text(sheet.createRow(0), 0, briefing.title(), bold);
        text(sheet.createRow(1), 0, briefing.generated(), null);
        header(sheet.createRow(3), briefing.headlineHeader(), bold);
        int r = 4;
        for (Briefing.Headline headline : briefing.headlines()) {
            Row row = sheet.createRow(r++);
            text(row, 0, headline.name(), null);
            number(row, 1, headline.total());
            number(row, 2, headline.ofYear());
            number(row, 3, headline.target());
            text(row, 4, headline.progress(), null);
            text(row, 5, headline.unit(), null);
        }
        text(sheet.createRow(r + 1), 0, briefing.note(), null);
        sheet.setColumnWidth(0, 40 * 256);
        for (int c = 1; c <= 5; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        chart(sheet, briefing.title(), 4, r - 1, 0, List.of(2, 3), r + 3, 0);
    }

    private static void trends(XSSFSheet sheet, Briefing briefing, CellStyle bold) {
        Row header = sheet.createRow(0);
        text(header, 0, briefing.headlineHeader().getFirst(), bold);
        for (int i = 0; i < briefing.years().size(); i++) {
            text(header, i + 1, String.valueOf(briefing.years().get(i)), bold);
        }
        for (int t = 0; t < briefing.trendNames().size(); t++) {
            Row row = sheet.createRow(t + 1);
            text(row, 0, briefing.trendNames().get(t), null);
            List<BigDecimal> values = briefing.trends().get(t);
            for (int i = 0; i < values.size(); i++) {
                number(row, i + 1, values.get(i));
            }
        }
        sheet.setColumnWidth(0, 40 * 256);
    }

    private static void prefectures(XSSFSheet sheet, Briefing briefing, CellStyle bold) {
        header(sheet.createRow(0), briefing.prefectureHeader(), bold);
        int r = 1;
        for (List<String> values : briefing.prefectures()) {
            Row row = sheet.createRow(r++);
            text(row, 0, values.getFirst(), null);
            for (int c = 1; c < values.size(); c++) {
                number(row, c, new BigDecimal(values.get(c).replace(",", "")));
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        if (briefing.prefectureHeader().size() > 1 && r > 1) {
            chart(sheet, briefing.prefectureHeader().get(1), 1, r - 1, 0, List.of(1), r + 2, 0);
        }
    }

    /** A column chart of the given value columns over the category column, rows first..last, placed at (row, col). */
    private static void chart(XSSFSheet sheet, String title, int first, int last, int categoryColumn, List<Integer> valueColumns,
                              int row, int col) {
        if (last < first) {
            return;
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col, row, col + 8, row + 20));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        var names = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, last, categoryColumn, categoryColumn));
        for (int column : valueColumns) {
            XDDFChartData.Series series = data.addSeries(names,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, column, column)));
            Cell header = sheet.getRow(first - 1) == null ? null : sheet.getRow(first - 1).getCell(column);
            series.setTitle(header == null ? "" : header.getStringCellValue(), null);
        }
        chart.plot(data);
    }

    private static void header(Row row, List<String> names, CellStyle bold) {
        for (int i = 0; i < names.size(); i++) {
            text(row, i, names.get(i), bold);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }
}
