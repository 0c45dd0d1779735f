// The app's JS initializer (Blazor loads {assembly}.lib.module.js when it starts): things every
// page needs before its circuit is up. The scheduler's slots send their clicks, keys and drops
// as one custom event (schslot), and its blocks their clicks, keys and drags as another (schitem),
// registered here so that the grid works from the first moment.
// Focus helpers the server calls by name (frontDesk.*) are put in place here too.
import { installSlotEvents } from "./js/scheduler.js";
import { focusFirstIfLost, focusIfLost, focusUnlessWithin } from "./js/focus.js";

globalThis.frontDesk = Object.freeze({ ...globalThis.frontDesk, focusUnlessWithin, focusIfLost, focusFirstIfLost });

export function afterWebStarted(blazor) {
    installSlotEvents(blazor);
}
