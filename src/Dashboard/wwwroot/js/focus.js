// Focus moves the server asks for. Such a call reaches the browser a network round trip after the
// render it follows (the server runs it once the browser has shown that render), and by then the
// person may already have clicked into the new part and started typing: moving the focus then
// would send the rest of their keys elsewhere (a drawer's heading took the keys typed into its
// client search). So the focus moves only if it is not already inside the given container.
export function focusUnlessWithin(element, containerSelector) {
    if (!(element instanceof HTMLElement) || !element.isConnected) {
        return;
    }
    const container = element.closest(containerSelector);
    const active = document.activeElement;
    if (container && active && active !== element && container.contains(active)) {
        return;
    }
    element.focus({ preventScroll: true });
}

// After a control that had the focus was replaced (a select's stand-in coming back once the real
// select closed), the focus goes to the new one, unless it has already moved on elsewhere (Tab).
export function focusIfLost(element) {
    if (!(element instanceof HTMLElement) || !element.isConnected) {
        return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) {
        element.focus({ preventScroll: true });
    }
}

// The same, for a container whose controls were just put back (a drawer's actions after "Back"):
// its first enabled button takes the focus if nothing has it.
export function focusFirstIfLost(container) {
    if (!(container instanceof HTMLElement)) {
        return;
    }
    const first = container.querySelector("button:not([disabled]), [href], input:not([disabled])");
    if (first) {
        focusIfLost(first);
    }
}
