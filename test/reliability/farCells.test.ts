/** Which cells a snapshot keeps when the box around them is mostly empty (src/core/farCells.ts). */
import { withoutFarCells, type PlacedCell } from "../../src/core/farCells";

function block(top: number, left: number, rows: number, cols: number, value: unknown = 1): PlacedCell[] {
  const out: PlacedCell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push({ r: top + r, c: left + c, value });
  return out;
}

test("a compact sheet is kept whole, however it is spread", () => {
  const cells = [...block(1, 1, 50, 8), { r: 200_000, c: 1, value: "x" }, { r: 1, c: 9, value: "y" }];
  expect(withoutFarCells(cells)).toHaveLength(cells.length);
});

test("a stray cell at XFD1048576 is left out, the table is kept", () => {
  const table = block(3, 1, 40, 8);
  const kept = withoutFarCells([...table, { r: 1_048_576, c: 16_384, value: "x" }]);
  expect(kept).toHaveLength(table.length);
});

test("the band with the header words wins over a larger band of other cells", () => {
  const header = [
    { r: 1, c: 1, value: "三级指标" },
    { r: 1, c: 2, value: "权重" },
    { r: 1, c: 3, value: "得分" },
  ];
  const table = [...header, ...block(2, 1, 5, 3)];
  const list = block(600_000, 1, 300, 8, "名单");
  const kept = withoutFarCells([...table, ...list]);
  expect(kept).toHaveLength(table.length);
  expect(Math.max(...kept.map((c) => c.r))).toBe(6);
});
