function Undo-OrcDefinition {
    <#
    .SYNOPSIS
        Puts a task's stored definition back as it was before a failed registration.
    .DESCRIPTION
        A definition that existed is restored byte for byte ('orc-exec define --file <copy>
        --exact', validated and written atomically by orc-exec); a definition that is new is
        removed ('orc-exec undefine'). Returns one sentence for the caller's error message, which
        says what state the store is in.
    .PARAMETER Name
        The task.
    .PARAMETER Previous
        What Get-OrcDefinitionText returned before the definition was written.
    .PARAMETER StoreHome
        The store.
    .EXAMPLE
        Undo-OrcDefinition -Name db-export -Previous $previous -StoreHome $storeHome
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [AllowNull()]
        [object] $Previous,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $ConfirmPreference = 'None'
    $WhatIfPreference = $false
    if ($null -eq $Previous -or -not $Previous.Found) {
        $removed = Invoke-OrcExec -ArgumentList @('undefine', $Name) -StoreHome $StoreHome
        if ($removed.ExitCode -eq 0) { return 'The new definition was removed from the store.' }
        return "The new definition could not be removed from the store ($($removed.StdErr)); Unregister-OrcTask -Name $Name removes it."
    }
    $copy = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "orc-$Name-$([guid]::NewGuid().ToString('N')).json")
    try {
        [System.IO.File]::WriteAllText($copy, $Previous.Json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
        $restored = Invoke-OrcExec -ArgumentList @('define', '--file', $copy, '--exact') -StoreHome $StoreHome
    }
    finally {
        [System.IO.File]::Delete($copy)
    }
    if ($restored.ExitCode -eq 0) { return 'The previous definition is back in the store, unchanged.' }
    "The previous definition could not be put back ($($restored.StdErr)); it was:$([System.Environment]::NewLine)$($Previous.Json)"
}
