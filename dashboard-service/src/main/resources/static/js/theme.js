// Dark or light: the user's choice (remembered), else the system's. Runs in <head>, before the first paint.
(() => {
    const KEY = 'matriculas-theme';
    const root = document.documentElement;
    const systemLight = window.matchMedia('(prefers-color-scheme: light)');

    function stored() {
        try {
            const value = localStorage.getItem(KEY);
            return value === 'dark' || value === 'light' ? value : null;
        } catch (e) {
            return null; // storage blocked: follow the system
        }
    }

    function apply(theme) {
        if (root.dataset.theme === theme) {
            return;
        }
        root.dataset.theme = theme;
        document.dispatchEvent(new CustomEvent('themechange', {detail: theme}));
    }

    apply(stored() || (systemLight.matches ? 'light' : 'dark'));
    systemLight.addEventListener('change', event => {
        if (!stored()) {
            apply(event.matches ? 'light' : 'dark');
        }
    });

    document.addEventListener('DOMContentLoaded', () => {
        const button = document.getElementById('theme-toggle');
        if (!button) {
            return;
        }
        button.addEventListener('click', () => {
            const next = root.dataset.theme === 'light' ? 'dark' : 'light';
            try {
                localStorage.setItem(KEY, next);
            } catch (e) {
                // not remembered, still switched
            }
            apply(next);
        });
    });
})();
