// The scheduler's grid: arrow keys move between slots (Blazor moves the focus); this only
// stops the same keys from also scrolling the grid, and lets slots take a dragged item.
const keys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"]);

export function attach(root) {
    if (!root || root.dataset.schAttached) {
        return;
    }
    root.dataset.schAttached = "true";
    // Open at the now-line (a third from the top) when today is shown.
    const now = root.querySelector(".sch-now");
    if (now) {
        root.scrollTop = Math.max(0, now.offsetTop - root.clientHeight / 3);
    }
    root.addEventListener("keydown", e => {
        if (!(e.target instanceof HTMLElement)) {
            return;
        }
        if ((keys.has(e.key) && e.target.classList.contains("sch-slot")) || (e.key === " " && e.target.classList.contains("sch-item"))) {
            e.preventDefault();
        }
    });
    // A slot takes a dragged item: without this the browser refuses the drop.
    root.addEventListener("dragover", e => {
        if (e.target instanceof HTMLElement && e.target.classList.contains("sch-slot")) {
            e.preventDefault();
            if (e.dataTransfer) {
                e.dataTransfer.dropEffect = "move";
            }
        }
    });
    root.addEventListener("dragstart", e => {
        if (e.dataTransfer && e.target instanceof HTMLElement && e.target.classList.contains("sch-item")) {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", e.target.getAttribute("aria-label") || "");
        }
    });
}

// The grid's one tab stop (roving tabindex) takes the focus, e.g. after an arrow key.
export function focusActive(root) {
    root?.querySelector('.sch-slot[tabindex="0"]')?.focus();
}
