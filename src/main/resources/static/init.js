// GOV.UK Frontend's own components (preventing double clicks, counting characters, focusing the
// error summary) where JavaScript runs. Served from this origin as a module, so the Content
// Security Policy needs no inline script. Pages work the same without it.
import { initAll } from '/assets/govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()

// A survey page brought back from the browser's back/forward cache may be out of date (answers
// sent since): fetch it again, so the server says where the respondent really is.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && document.querySelector('[data-chorus-fresh]')) {
    window.location.reload()
  }
})

// "Copy code" buttons: only shown where JavaScript can copy.
document.querySelectorAll('[data-chorus-copy]').forEach((button) => {
  const target = document.getElementById(button.getAttribute('data-chorus-copy'))
  if (!target || !navigator.clipboard) {
    return
  }
  button.hidden = false
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(target.textContent.trim()).then(() => {
      const done = button.getAttribute('data-chorus-copied')
      if (done) {
        button.textContent = done
      }
    })
  })
})

// A progress bar of long work (rebuilding the search index): where JavaScript runs, it is kept
// up to date by asking the page again every two seconds and copying the new figures in, without
// reloading or moving focus. Without JavaScript, "Check progress" does the same by hand.
const progress = document.querySelector('[data-chorus-progress]')
if (progress) {
  const update = () => {
    fetch(window.location.href, { headers: { Accept: 'text/html' } })
      .then((response) => response.text())
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-chorus-progress]')
        if (fresh) {
          progress.replaceWith(fresh)
          window.setTimeout(update, 2000)
        } else {
          window.location.reload()
        }
      })
  }
  window.setTimeout(update, 2000)
}

// Plain-language checks as a forum types a question: the reading age and flags under the question
// box are asked for again half a second after typing stops. Without JavaScript they show after saving.
const plain = document.querySelector('[data-chorus-plain]')
const questionText = document.getElementById('text')
if (plain && questionText) {
  let timer
  questionText.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(() => {
      const url = plain.getAttribute('data-chorus-plain') + '&text=' + encodeURIComponent(questionText.value)
      fetch(url, { headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : null))
        .then((checked) => {
          if (!checked || !checked.readingAge) {
            return
          }
          plain.querySelector('[data-chorus-plain-age]').textContent = checked.readingAge
          const items = checked.flags.map((flag) => {
            const item = document.createElement('li')
            item.textContent = flag
            return item
          })
          plain.querySelector('[data-chorus-plain-flags]').replaceChildren(...items)
        })
    }, 500)
  })
}
