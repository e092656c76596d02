// Autocomplete for the search box: asks /api/v1/search/suggest as the shopper types (after a short
// pause, and only the latest answer counts) and lists products, brands and categories. Arrow keys
// move, Enter opens, Escape closes. Without JavaScript the box is a plain search form.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) {
    return;
  }
  let timer = null;
  let asked = 0;
  let active = -1;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
  };

  const entry = (href, text, kind) => {
    const item = document.createElement("li");
    item.setAttribute("role", "option");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text; // text, never markup
    const label = document.createElement("span");
    label.className = "kind";
    label.textContent = kind;
    link.appendChild(label);
    item.appendChild(link);
    return item;
  };

  const show = (answer) => {
    const search = input.dataset.searchPage;
    const items = [];
    answer.products.forEach((p) =>
      items.push(entry(input.dataset.productPage + "?slug=" + encodeURIComponent(p.slug), p.name, "product")));
    answer.brands.forEach((b) =>
      items.push(entry(search + "?brand=" + encodeURIComponent(b.slug), b.name, "brand")));
    answer.categories.forEach((c) =>
      items.push(entry(search + "?category=" + encodeURIComponent(c.slug), c.name, "category")));
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    active = -1;
  };

  const ask = async () => {
    const typed = input.value.trim();
    if (typed.length < 2) {
      close();
      return;
    }
    const mine = ++asked;
    try {
      const reply = await fetch(input.dataset.suggest + "?limit=6&q=" + encodeURIComponent(typed),
        { headers: { Accept: "application/json" } });
      if (reply.ok && mine === asked) {
        show(await reply.json());
      }
    } catch (networkFailure) {
      close(); // suggestions are a help, not a requirement: the form still searches
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    const links = list.querySelectorAll("a");
    if (list.hidden || links.length === 0) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
      links.forEach((link, i) => link.classList.toggle("active", i === active));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = links[active].href;
    } else if (event.key === "Escape") {
      close();
    }
  });
  document.addEventListener("click", (event) => {
    if (!list.contains(event.target) && event.target !== input) {
      close();
    }
  });
});
