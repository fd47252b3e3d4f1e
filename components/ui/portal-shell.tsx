'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { SidebarNav } from './sidebar-nav';

/**
 * The portal's frame. Wide screens: a fixed sidebar. Below 56rem: a top bar with a "Menu" button
 * (aria-expanded / aria-controls) that opens the same sidebar; it closes on navigation and on Escape.
 */
export function PortalShell({
  nav,
  who,
  children,
}: {
  nav: { href: string; label: string }[];
  who: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [lastPath, setLastPath] = useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }
  // A card or bare table wider than the screen scrolls sideways inside itself (globals.css). Such a scrolling region
  // must be reachable by keyboard, so it becomes focusable while, and only while, it actually overflows.
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const mark = () => {
      main.querySelectorAll<HTMLElement>('.card, .table-scroll, main.content > table').forEach((el) => {
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        if (scrolls && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.dataset.autoScroll = 'true';
        } else if (!scrolls && el.dataset.autoScroll) {
          el.removeAttribute('tabindex');
          delete el.dataset.autoScroll;
        }
      });
    };
    mark();
    const resize = new ResizeObserver(mark);
    resize.observe(main);
    const mutations = new MutationObserver(mark);
    mutations.observe(main, { childList: true, subtree: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG icon needs no optimisation */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          Bedrock Access Portal
        </span>
        <button
          type="button"
          className="btn"
          aria-expanded={open}
          aria-controls="portal-sidebar"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '✕' : '☰'}</span> Menu
        </button>
      </header>
      <aside id="portal-sidebar" className="sidebar" data-open={open} aria-label="Portal">
        <div className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG icon needs no optimisation */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          Bedrock Access Portal
        </div>
        <SidebarNav items={nav} onNavigate={() => setOpen(false)} />
        <div className="who">{who}</div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
