// The scheduler's browser side. It reports the width once on start and whenever it crosses
// 600 px (the server then renders the phone agenda or the day grid, never both); arrow keys
// move between slots (Blazor moves the focus), this only stops the same keys from also
// scrolling the grid; and it lets slots take a dragged item.
const keys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"]);
const narrowQuery = "(max-width: 599.98px)";
const attached = new WeakMap();

export function attach(root, scheduler) {
    if (!root || attached.has(root)) {
        return;
    }
    const media = window.matchMedia(narrowQuery);
    const report = () => scheduler?.invokeMethodAsync("SetNarrowAsync", media.matches).catch(() => { });
    media.addEventListener("change", report);
    attached.set(root, () => media.removeEventListener("change", report));
    report();
    scrollToNow(root);
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
    // A drop on a slot is the scheduler's, not the browser's (which would open the dropped text).
    root.addEventListener("drop", e => {
        if (e.target instanceof HTMLElement && e.target.classList.contains("sch-slot")) {
            e.preventDefault();
        }
    });
    root.addEventListener("dragstart", e => {
        if (e.dataTransfer && e.target instanceof HTMLElement && e.target.classList.contains("sch-item")) {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", e.target.getAttribute("aria-label") || "");
        }
    });
}

// Stops reporting the width (the scheduler is gone).
export function detach(root) {
    attached.get(root)?.();
    attached.delete(root);
}

// Opens the grid at the now-line (a third from the top) when today is shown.
export function scrollToNow(root) {
    const scroller = root?.querySelector(".sch-scroll");
    const now = scroller?.querySelector(".sch-now");
    if (now) {
        scroller.scrollTop = Math.max(0, now.offsetTop - scroller.clientHeight / 3);
    }
}

// The grid's one tab stop (roving tabindex) takes the focus, e.g. after an arrow key.
export function focusActive(root) {
    root?.querySelector('.sch-slot[tabindex="0"]')?.focus();
}
