/** The dialog 一键核分 opens: shows the summary passed in the query string; 关闭 closes it. */
function render(): void {
  const params = new URLSearchParams(window.location.search);
  const en = params.get("lang") === "en";
  document.documentElement.lang = en ? "en" : "zh-CN";
  const title = params.get("title") ?? "";
  let lines: string[] = [];
  try {
    const parsed = JSON.parse(params.get("lines") ?? "[]") as unknown;
    if (Array.isArray(parsed)) lines = parsed.map(String);
  } catch {
    lines = [];
  }
  document.title = title;
  document.getElementById("title")!.textContent = title;
  const box = document.getElementById("lines")!;
  for (const line of lines) {
    const p = document.createElement("p");
    p.textContent = line;
    box.appendChild(p);
  }
  const close = document.getElementById("close") as HTMLButtonElement;
  close.textContent = en ? "Close" : "关闭";
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
  close.focus();
}

Office.onReady(render);
