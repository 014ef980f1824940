# fetchTree is not a global name
fetchTree
