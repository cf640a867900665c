/** Value(11)'s XML Spreadsheet 2003 as Excel writes it (indexes left out where cells follow on, named formats), read back. */
import { parseXmlSpreadsheet } from "../../src/wps/xmlSpreadsheet";

const DOC = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><Font ss:FontName="宋体"/></Style>
  <Style ss:ID="s62"><NumberFormat ss:Format="Percent"/></Style>
  <Style ss:ID="s63"><NumberFormat ss:Format="0.0%"/></Style>
  <Style ss:ID="s64"><Alignment ss:Horizontal="Center"/></Style>
  <Style ss:ID="s65"><NumberFormat ss:Format="&quot;¥&quot;#,##0.00"/></Style>
 </Styles>
 <Worksheet ss:Name="指标表">
  <Table ss:ExpandedColumnCount="4" ss:ExpandedRowCount="4" x:FullColumns="1" xmlns:x="urn:schemas-microsoft-com:office:excel">
   <Column ss:Index="4" ss:StyleID="s63"/>
   <Row>
    <Cell ss:MergeAcross="1" ss:MergeDown="1" ss:StyleID="s64"><Data ss:Type="String">评价指标</Data></Cell>
    <Cell><Data ss:Type="String">目标值</Data></Cell>
    <Cell><Data ss:Type="Number">0.5</Data></Cell>
   </Row>
   <Row>
    <Cell ss:StyleID="s62"><Data ss:Type="Number">0.95</Data></Cell>
   </Row>
   <Row ss:Index="4">
    <Cell ss:Index="2" ss:StyleID="s65"><Data ss:Type="Number">12</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
</Workbook>`;

test("formats by cell (named, coded, escaped, from the column), merges, and the cells a merge covers skipped", () => {
  const styles = parseXmlSpreadsheet(DOC)!;
  expect(Object.fromEntries(styles.formats)).toEqual({
    "1:4": "0.0%", // from its column's style
    "2:3": "0.00%", // after the merge A1:B2, the next cell of row 2 is C2
    "4:2": '"¥"#,##0.00',
  });
  expect(styles.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
});

test("anything but an XML Spreadsheet document is no answer", () => {
  expect(parseXmlSpreadsheet(undefined)).toBeUndefined();
  expect(parseXmlSpreadsheet("")).toBeUndefined();
  expect(parseXmlSpreadsheet([[1]])).toBeUndefined();
  expect(parseXmlSpreadsheet("<html></html>")).toBeUndefined();
});
