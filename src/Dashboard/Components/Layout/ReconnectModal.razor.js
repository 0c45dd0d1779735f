// Starts Blazor and keeps each screen connected to its circuit, as the people at it need.
//
// App.razor loads the SDK's own _framework/blazor.web.js with autostart="false"; this module
// (deferred, so it runs after that script) starts it with our reconnection options and drives
// the dialog of ReconnectModal.razor: the framework finds the element whose id is the dialogId
// below and raises components-reconnect-state-changed on it (.NET 10's reconnection UI pattern;
// the id is our own because MudBlazor's stylesheet restyles the default one).
//
// Desks, where a receptionist sits: "Connection lost. Reconnecting…" while the framework
// retries; Reload once the server no longer knows the circuit (it restarted) or has not answered
// for about two minutes; a tab hidden for a long time has its circuit paused (the server keeps
// only the persisted component state) and resumed when it is shown again.
//
// Unattended screens (the wall display: KioskLayout marks its page with data-unattended):
// nobody will ever click, so there are no buttons and every dead end ends the same way, by
// waiting until the server answers and reloading the page. That covers a server restart (the
// circuit is rejected), a network cut longer than the server keeps the circuit, and a server
// that went away after the page loaded but before its circuit was up.

const dialogId = 'reconnect-modal';
const dialog = document.getElementById(dialogId);
const message = document.getElementById('reconnect-message');
const detail = document.getElementById('reconnect-detail');
const buttons = [...dialog.querySelectorAll('button[data-states]')];

const pollMs = 2000;
const startupTimeoutMs = 15000;
const pauseWhenHiddenMs = Number(dialog.dataset.pauseWhenHiddenMs) || 5 * 60 * 1000;
const deskRetryDelaysMs = [0, 1000, 2000, 3000, 5000];
const deskRetries = 30; // the first few quickly, then every 5 s: about two minutes in all

const messages = {
    lost: 'Connection lost. Reconnecting\u2026',
    failed: 'The server cannot be reached.',
    rejected: 'The server has restarted and no longer knows this screen.',
    'start-failed': 'This screen could not connect to the server.',
    paused: 'This screen was paused while it was hidden.',
    'paused-remote': 'The server paused this screen.',
    resuming: 'Resuming this screen\u2026',
    'resume-failed': 'This screen could not be resumed.',
};

const details = {
    failed: 'Check the network and retry, or reload the page.',
    rejected: 'Reload to carry on. Anything not yet saved on this screen is lost.',
    'start-failed': 'Reload the page when the server is back.',
    paused: 'Resume to carry on where you left off.',
    'paused-remote': 'Resume to carry on where you left off.',
    'resume-failed': 'Resume to try again, or reload the page.',
};

const unattended = () => document.querySelector('[data-unattended]') !== null;

let circuitOpened = false;
let startupFailed = false;
let startupWatch = 0;

function show(state, note) {
    // An unattended screen has one message and no buttons: it recovers on its own.
    const shown = unattended() ? 'lost' : state;
    dialog.dataset.state = shown;
    message.textContent = messages[shown];
    detail.textContent = unattended() ? '' : note ?? details[shown] ?? '';
    for (const button of buttons) {
        button.hidden = !button.dataset.states.split(' ').includes(shown);
    }
    if (!dialog.open) {
        // A desk cannot be used while its circuit is away: a modal dialog. The wall keeps
        // showing its board under a banner.
        dialog.classList.toggle('unattended', unattended());
        if (unattended()) {
            dialog.show();
        } else {
            dialog.showModal();
        }
    }
}

function hide() {
    delete dialog.dataset.state;
    message.textContent = '';
    detail.textContent = '';
    if (dialog.open) {
        dialog.close();
    }
}

// Escape must not dismiss a dialog that says the screen does not work.
dialog.addEventListener('cancel', event => event.preventDefault());

dialog.addEventListener('components-reconnect-state-changed', event => {
    const { state } = event.detail;
    if (!circuitOpened) {
        // The connection dropped before the server ever gave this page a circuit: there is
        // nothing to reconnect to, whatever the framework keeps trying.
        if (state === 'show') {
            onStartupFailed();
        }
        return;
    }
    switch (state) {
        case 'show':
            show('lost');
            break;
        case 'retrying':
            show('lost', event.detail.secondsToNextAttempt > 0 ? `Trying again in ${event.detail.secondsToNextAttempt} s.` : '');
            break;
        case 'hide':
            hide();
            break;
        case 'failed':
            if (unattended()) {
                reloadWhenServerAnswers();
            } else {
                show('failed');
                document.addEventListener('visibilitychange', retryWhenVisible);
            }
            break;
        case 'rejected':
            // The server answered but knows neither the circuit nor any state saved for it.
            if (unattended()) {
                reloadWhenServerAnswers();
            } else {
                show('rejected');
            }
            break;
        case 'paused':
            if (unattended() || event.detail.remote) {
                // The server paused it (a desk can resume with a click; the wall does so itself).
                if (unattended()) {
                    resume();
                } else {
                    show('paused-remote');
                }
            } else {
                show('paused');
            }
            break;
        case 'resume-failed':
            if (unattended()) {
                reloadWhenServerAnswers();
            } else {
                show('resume-failed');
            }
            break;
    }
});

document.getElementById('reconnect-retry').addEventListener('click', retry);
document.getElementById('reconnect-resume').addEventListener('click', resume);
document.getElementById('reconnect-reload').addEventListener('click', () => location.reload());

async function retry() {
    document.removeEventListener('visibilitychange', retryWhenVisible);
    show('lost');
    try {
        // true: rejoined (the framework raises "hide"); false: the server answered but no longer
        // holds the circuit, so try the state it may have saved for it; throws: not reachable.
        if (await Blazor.reconnect()) {
            return;
        }
        if (await Blazor.resumeCircuit()) {
            return;
        }
        show('rejected');
    } catch {
        show('failed');
        document.addEventListener('visibilitychange', retryWhenVisible);
    }
}

function retryWhenVisible() {
    if (document.visibilityState === 'visible') {
        retry();
    }
}

async function resume() {
    show('resuming');
    try {
        if (!(await Blazor.resumeCircuit())) {
            // The server kept nothing of this circuit: start the screen afresh.
            if (unattended()) {
                reloadWhenServerAnswers();
            } else {
                location.reload();
            }
        }
    } catch {
        if (unattended()) {
            reloadWhenServerAnswers();
        } else {
            show('resume-failed');
        }
    }
}

let waitingForServer = false;

/** Polls the page's own address until the server serves it, then reloads. */
async function reloadWhenServerAnswers() {
    show('lost');
    if (waitingForServer) {
        return;
    }
    waitingForServer = true;
    for (;;) {
        await new Promise(resolve => setTimeout(resolve, pollMs));
        try {
            // GET: Razor component pages answer only GET and POST (a HEAD is 404 even when up).
            const response = await fetch(location.href, { method: 'GET', cache: 'no-store' });
            if (response.ok) {
                location.reload();
                return;
            }
        } catch {
            // still down
        }
    }
}

function onStartupFailed() {
    if (startupFailed || circuitOpened) {
        return;
    }
    startupFailed = true;
    clearTimeout(startupWatch);
    if (unattended()) {
        reloadWhenServerAnswers();
    } else {
        show('start-failed');
    }
}

function onCircuitOpened() {
    circuitOpened = true;
    clearTimeout(startupWatch);
    if (startupFailed) {
        // It was only slow after all.
        startupFailed = false;
        hide();
    }
}

/** How long to wait before reconnection attempt number previousAttempts + 1; null gives up. */
function retryInterval(previousAttempts) {
    if (unattended()) {
        return previousAttempts === 0 ? 0 : pollMs; // forever
    }
    if (previousAttempts < deskRetryDelaysMs.length) {
        return deskRetryDelaysMs[previousAttempts];
    }
    return previousAttempts < deskRetries ? 5000 : null;
}

// A desk's tab hidden for long gives its circuit back to the server (paused: the server keeps
// the components' [PersistentState], not the circuit); shown again, it resumes on a new circuit.
// Anything else the components held is gone after that, so a screen where something has been
// typed into a field is not paused (checked again later), unless the field sits inside an element
// marked data-kept-on-pause (e.g. the booking drawer, whose draft is persisted state). The wall is
// never paused: it must stay live even when its browser thinks nobody looks.
let pauseTimer = 0;
let pausing = null;

function somethingTyped() {
    const fields = document.querySelectorAll(
        'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled])');
    return [...fields].some(field => field.value.trim() !== '' && field.getClientRects().length > 0
        && !field.closest('[data-kept-on-pause]'));
}

// A field still focused has not told the server its last text yet (fields send it on change):
// leaving it sends it, ahead of the pause on the same connection.
function commitFocusedField() {
    const field = document.activeElement;
    if (field instanceof HTMLElement && field.matches('input, textarea')) {
        field.blur();
    }
}

function pauseWhenStillHidden() {
    pauseTimer = setTimeout(() => {
        if (document.visibilityState !== 'hidden') {
            return;
        }
        if (somethingTyped()) {
            pauseWhenStillHidden();
            return;
        }
        commitFocusedField();
        pausing = Blazor.pauseCircuit().catch(() => false);
    }, pauseWhenHiddenMs);
}

document.addEventListener('visibilitychange', () => {
    if (unattended() || !circuitOpened) {
        return;
    }
    clearTimeout(pauseTimer);
    if (document.visibilityState === 'hidden') {
        pauseWhenStillHidden();
    } else if (pausing) {
        const pause = pausing;
        pausing = null;
        resumeAfter(pause);
    }
});

async function resumeAfter(pause) {
    if (await pause) {
        await resume();
    }
}

// The page has a few seconds to get its circuit; if the server went away after sending the page
// (or the circuit never came), no reconnection can help: a desk says so, the wall reloads.
startupWatch = setTimeout(() => {
    if (!circuitOpened) {
        onStartupFailed();
    }
}, startupTimeoutMs);

Blazor.start({
    circuit: {
        reconnectionOptions: {
            dialogId,
            maxRetries: undefined, // retryInterval decides when to give up
            retryIntervalMilliseconds: retryInterval,
        },
        circuitHandlers: [{ onCircuitOpened }],
    },
});
