// claimrec HTML report: the client-side filters, inlined into every page by render/html.py.
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
function has(el,name,want){return !want||(' '+(el.getAttribute('data-'+name)||'')+' ').indexOf(' '+want+' ')>=0;}
function apply(){
var st=form.status.value,sy=form.story.value,so=form.source.value,shown=0,total=0;
document.querySelectorAll('[data-status]').forEach(function(el){
var ok=has(el,'status',st)&&has(el,'story',sy)&&has(el,'sources',so);el.hidden=!ok;
if(el.classList.contains('fact')){total++;if(ok)shown++;}});
form.shown.value=shown+' of '+total+' fact blocks shown';}
form.addEventListener('change',apply);apply();
window.addEventListener('beforeprint',function(){
document.querySelectorAll('details').forEach(function(d){d.open=true;});});
})();
