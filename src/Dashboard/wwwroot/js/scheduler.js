// The scheduler's browser side. It reports the width once on start and whenever it crosses
// 600 px (the server then renders the phone agenda or the day grid, never both), and it is the
// grid's event delegation: the slots and blocks have no Blazor handlers of their own. A click
// (also Enter or Space on a focused slot, which clicks a button), a navigation key or a drop on a
// slot becomes one custom event, schslot, raised on the slot with its row (its place among its
// lane's slots); a click, Enter or Space, or the start or end of a drag on a block becomes
// schitem, raised on the block with its item's key (data-key). Both bubble to the lane, whose one
// handler each passes them to the scheduler. Arrow keys move between slots on the server (roving
// tabindex; Blazor moves the focus), this stops them from also scrolling the grid.
const keys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"]);
const narrowQuery = "(max-width: 599.98px)";
const attached = new WeakMap();
// Once per page, even if this module were loaded twice under two URLs.
const installedKey = Symbol.for("frontdesk.scheduler.slotEvents");

// The slot a browser event happened on, and its row, or null.
function slotOf(e) {
    const slot = e.target instanceof Element ? e.target.closest(".sch-slot") : null;
    const lane = slot?.parentElement;
    if (!slot || !lane || !lane.classList.contains("sch-lane")) {
        return null;
    }
    let row = 0;
    for (let el = lane.firstElementChild; el && el !== slot; el = el.nextElementSibling) {
        if (el.classList.contains("sch-slot")) {
            row++;
        }
    }
    return { slot, row };
}

function raise(hit, kind, key) {
    hit.slot.dispatchEvent(new CustomEvent("schslot", { bubbles: true, detail: { row: hit.row, kind, key: key ?? null } }));
}

// The block (a grid item, in its keyed wrapper in its lane) a browser event happened on, or null.
function blockOf(e) {
    const block = e.target instanceof Element ? e.target.closest(".sch-item") : null;
    const wrapper = block?.parentElement;
    return block && block.dataset.key && wrapper?.classList.contains("sch-block") && wrapper.parentElement?.classList.contains("sch-lane") ? block : null;
}

function raiseItem(block, kind) {
    block.dispatchEvent(new CustomEvent("schitem", { bubbles: true, detail: { key: block.dataset.key, kind } }));
}

// Registers schslot with Blazor and listens on the document, once per page (from the app's JS
// initializer, before any circuit; and again, harmlessly, when a scheduler attaches).
export function installSlotEvents(blazor) {
    if (window[installedKey] || !blazor?.registerCustomEventType) {
        return;
    }
    window[installedKey] = true;
    try {
        blazor.registerCustomEventType("schslot", {
            createEventArgs: e => ({ row: e.detail?.row ?? -1, kind: e.detail?.kind ?? "", key: e.detail?.key ?? null }),
        });
        blazor.registerCustomEventType("schitem", {
            createEventArgs: e => ({ key: e.detail?.key ?? "", kind: e.detail?.kind ?? "" }),
        });
    } catch {
        // Already registered (a second copy of this module): the first registration serves.
    }
    document.addEventListener("click", e => {
        const hit = slotOf(e);
        if (hit) {
            raise(hit, "click");
            return;
        }
        const block = blockOf(e);
        if (block) {
            raiseItem(block, "open");
        }
    });
    document.addEventListener("keydown", e => {
        if (!(e.target instanceof HTMLElement)) {
            return;
        }
        if (keys.has(e.key)) {
            const hit = slotOf(e);
            if (hit) {
                e.preventDefault();
                raise(hit, "key", e.key);
            }
        } else if (e.key === "Enter" || e.key === " ") {
            // A block is a div with role=button: Enter and Space open it (Space must not scroll the page).
            const block = blockOf(e);
            if (block && e.target === block) {
                if (e.key === " ") {
                    e.preventDefault();
                }
                raiseItem(block, "open");
            }
        }
    });
    // A slot takes a dragged item: without this the browser refuses the drop.
    document.addEventListener("dragover", e => {
        if (slotOf(e)) {
            e.preventDefault();
            if (e.dataTransfer) {
                e.dataTransfer.dropEffect = "move";
            }
        }
    });
    // A drop on a slot is the scheduler's, not the browser's (which would open the dropped text).
    document.addEventListener("drop", e => {
        const hit = slotOf(e);
        if (hit) {
            e.preventDefault();
            raise(hit, "drop");
        }
    });
    document.addEventListener("dragstart", e => {
        if (e.dataTransfer && e.target instanceof HTMLElement && e.target.classList.contains("sch-item")) {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", e.target.getAttribute("aria-label") || "");
        }
        const block = blockOf(e);
        if (block) {
            raiseItem(block, "dragstart");
        }
    });
    document.addEventListener("dragend", e => {
        const block = blockOf(e);
        if (block) {
            raiseItem(block, "dragend");
        }
    });
}

export function attach(root, scheduler) {
    if (!root || attached.has(root)) {
        return;
    }
    const media = window.matchMedia(narrowQuery);
    const report = () => scheduler?.invokeMethodAsync("SetNarrowAsync", media.matches).catch(() => { });
    media.addEventListener("change", report);
    const keepFocus = keepSlotFocus(root);
    attached.set(root, () => {
        media.removeEventListener("change", report);
        keepFocus();
    });
    report();
    scrollToNow(root);
    installSlotEvents(window.Blazor);
}

// A lane's slots are one piece of markup, replaced as a whole when the lane renders again (a
// booking from another desk, the tab stop moving): the focused slot is then gone and the focus
// falls to the page. This puts it back on the slot of the same row in the same lane, unless the
// focus has gone somewhere else meanwhile. Returns what stops it.
function keepSlotFocus(root) {
    let last = null;
    const onFocusIn = e => {
        const hit = slotOf(e);
        last = hit ? { slot: hit.slot, lane: hit.slot.parentElement, row: hit.row } : null;
    };
    root.addEventListener("focusin", onFocusIn);
    const observer = new MutationObserver(() => {
        if (!last || last.slot.isConnected) {
            return;
        }
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) {
            last = null;
            return;
        }
        const { lane, row } = last;
        last = null;
        if (!lane.isConnected) {
            return;
        }
        let n = 0;
        for (let el = lane.firstElementChild; el; el = el.nextElementSibling) {
            if (el.classList.contains("sch-slot") && n++ === row) {
                el.focus({ preventScroll: true });
                return;
            }
        }
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => {
        observer.disconnect();
        root.removeEventListener("focusin", onFocusIn);
    };
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
