// A form marked data-chorus-unsaved warns before its page is left with changes not yet saved:
// the browser's own "Leave site?" prompt, and a line beside the save button saying so. Leaving by
// saving the form is never warned about. Without JavaScript the form works the same, unwarned.
document.querySelectorAll('form[data-chorus-unsaved]').forEach((form) => {
  let changed = false
  let submitting = false
  const notice = document.createElement('p')
  notice.className = 'govuk-body govuk-!-font-weight-bold'
  notice.setAttribute('role', 'status')
  const button = form.querySelector('button[type=submit]:last-of-type')
  if (button) {
    button.insertAdjacentElement('beforebegin', notice)
  }
  const mark = () => {
    changed = true
    notice.textContent = form.getAttribute('data-chorus-unsaved')
  }
  form.addEventListener('input', mark)
  form.addEventListener('change', mark)
  form.addEventListener('submit', () => {
    submitting = true
  })
  window.addEventListener('beforeunload', (event) => {
    if (changed && !submitting) {
      event.preventDefault()
      event.returnValue = ''
    }
  })
})
