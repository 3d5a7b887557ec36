console.log("hi from", process.argv.slice(2))
