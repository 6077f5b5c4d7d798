BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Unregister-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Unregister-OrcBackendTask { $true }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord ('{"schema":"orc.undefine/v1","task":"' + $ArgumentList[1] + '","removed":true}')) } -ParameterFilter { $ArgumentList[0] -eq 'undefine' }
    }

    It 'is a High-impact change with -Force' {
        $command = Get-Command Unregister-OrcTask
        $command.ScriptBlock.Attributes.Where({ $_ -is [System.Management.Automation.CmdletBindingAttribute] })[0].ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'Force'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'removes the registration and the definition with -Force' {
        Unregister-OrcTask -Name db -Force
        Should -Invoke Unregister-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' }
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'undefine db' -and $StoreHome -eq '/s' }
    }

    It 'removes with -Confirm:$false' {
        Unregister-OrcTask -Name db -Confirm:$false
        Should -Invoke Unregister-OrcBackendTask -Exactly 1
    }

    It 'changes nothing with -WhatIf, even with -Force' {
        Unregister-OrcTask -Name db -Force -WhatIf
        Should -Invoke Unregister-OrcBackendTask -Exactly 0
        Should -Invoke Invoke-OrcExec -Exactly 0
    }

    It 'takes names by value and by property name' {
        'a', 'b' | Unregister-OrcTask -Force
        [pscustomobject]@{ Name = 'c' } | Unregister-OrcTask -Force
        Should -Invoke Unregister-OrcBackendTask -Exactly 3
    }

    It 'writes Orc.TaskNotFound when there is neither a registration nor a definition' {
        Mock Unregister-OrcBackendTask { $false }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.undefine/v1","task":"x","removed":false}') } -ParameterFilter { $ArgumentList[0] -eq 'undefine' }
        Unregister-OrcTask -Name x -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }

    It 'keeps the definition when the scheduler refuses (Orc.SchedulerError)' {
        Mock Unregister-OrcBackendTask { throw 'Access is denied' }
        Unregister-OrcTask -Name db -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[-1].FullyQualifiedErrorId | Should -BeLike 'Orc.SchedulerError*'
        Should -Invoke Invoke-OrcExec -Exactly 0
    }
}
