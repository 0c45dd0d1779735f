// Starts Blazor with a reconnection handler written for the script this app serves (see
// build/BlazorScript.targets). The default UI of that script leaves a page dead when the
// server has restarted and rejects the old circuit; here the page reloads itself instead, so
// a screen nobody touches (the wall display) comes back by itself.
(function () {
    const retryMs = 2000;
    let overlay = null;

    function showOverlay(text) {
        if (!overlay) {
            overlay = document.createElement('div');
            overlay.id = 'connection-lost';
            overlay.setAttribute('role', 'status');
            document.body.appendChild(overlay);
        }
        overlay.textContent = text;
        overlay.hidden = false;
    }

    function hideOverlay() {
        if (overlay) overlay.hidden = true;
    }

    async function serverIsUp() {
        try {
            // GET, not HEAD: Razor component pages answer only GET (and POST); a HEAD on
            // /display is 404 even when the server is back, so the page polled forever and
            // never reloaded (caught by tests/E2E/Display/DisplayRecoveryTests).
            const response = await fetch(location.href, { method: 'GET', cache: 'no-store' });
            return response.ok;
        } catch {
            return false;
        }
    }

    let reconnecting = false;
    async function reconnectLoop() {
        if (reconnecting) return;
        reconnecting = true;
        showOverlay('Connection lost. Reconnecting\u2026');
        for (;;) {
            await new Promise(r => setTimeout(r, retryMs));
            if (!(await serverIsUp())) continue;
            let resumed = false;
            try {
                resumed = await Blazor.reconnect();
            } catch {
                resumed = false;
            }
            if (resumed) {
                reconnecting = false;
                hideOverlay();
                return;
            }
            // The server is back but no longer knows this circuit: start afresh.
            location.reload();
            return;
        }
    }

    Blazor.start({
        circuit: {
            reconnectionHandler: {
                onConnectionDown: () => { reconnectLoop(); },
                onConnectionUp: () => { hideOverlay(); }
            }
        }
    });
})();
